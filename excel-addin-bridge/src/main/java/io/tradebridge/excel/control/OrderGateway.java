package io.tradebridge.excel.control;

import io.tradebridge.excel.entity.Outgoing;
import io.tradebridge.excel.entity.SendResult;
import java.util.List;

/**
 * Where a submission sends its orders: {@code POST /api/v1/orders/batch} from the command line, the
 * order placement itself inside the server's workbook upload. One result per order, in order.
 */
public interface OrderGateway {

  /** Most orders one call takes (API.md: a batch holds up to 500). */
  int MAX_BATCH = 500;

  List<SendResult> send(List<Outgoing> batch) throws GatewayFailure;

  /**
   * Whether {@link #send} may run on a thread of the submission's own, one batch ahead of the
   * workbook's writing. Not inside the server, where placing needs the request's thread.
   */
  /**
   * Called once the sheet is read, before anything is written or sent: fails when sending cannot
   * work.
   */
  default void ready() {}

  default boolean callableFromAnyThread() {
    return false;
  }
}
