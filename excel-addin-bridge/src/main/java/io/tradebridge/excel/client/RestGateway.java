package io.tradebridge.excel.client;

import io.tradebridge.excel.control.GatewayFailure;
import io.tradebridge.excel.control.GroupNote;
import io.tradebridge.excel.control.OrderGateway;
import io.tradebridge.excel.entity.OrderRow;
import io.tradebridge.excel.entity.Outgoing;
import io.tradebridge.excel.entity.SendResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Sends a submission's batches through {@code POST /api/v1/orders/batch}. */
public final class RestGateway implements OrderGateway {

  private final CompletableFuture<TradebridgeClient> client;

  public RestGateway(TradebridgeClient client) {
    this.client = CompletableFuture.completedFuture(client);
  }

  /**
   * A gateway whose client is still connecting (building the REST client and checking the key take
   * a second, which a submit spends reading the sheet meanwhile). {@link #ready()} waits for it.
   */
  public static RestGateway connecting(Supplier<TradebridgeClient> connect) {
    return new RestGateway(CompletableFuture.supplyAsync(connect));
  }

  private RestGateway(CompletableFuture<TradebridgeClient> client) {
    this.client = client;
  }

  /** Waits for the connection and the key check; their failure as it would have been thrown. */
  @Override
  public void ready() {
    client();
  }

  /** Closes the client if one was made. */
  public void close() {
    client.thenAccept(TradebridgeClient::close);
  }

  private TradebridgeClient client() {
    try {
      return client.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** The REST client is thread-safe: batches can go out while earlier answers are written. */
  @Override
  public boolean callableFromAnyThread() {
    return true;
  }

  @Override
  public List<SendResult> send(List<Outgoing> batch) throws GatewayFailure {
    List<Wire.OrderBody> bodies = batch.stream().map(RestGateway::body).toList();
    Wire.BatchAnswer answer;
    try {
      answer = client().placeBatch(bodies);
    } catch (ApiProblem.RateLimited e) {
      throw new GatewayFailure(
          GatewayFailure.Kind.RATE_LIMITED, e.getMessage(), e.retryAfterSeconds());
    } catch (ApiProblem.KeyRefused | ApiProblem.NotAllowed e) {
      throw new GatewayFailure(GatewayFailure.Kind.REFUSED, e.getMessage(), 0);
    } catch (ApiProblem.Unreachable | ApiProblem.ServerFailed e) {
      throw new GatewayFailure(GatewayFailure.Kind.UNREACHABLE, e.getMessage(), 0);
    } catch (ApiProblem e) {
      throw new GatewayFailure(
          GatewayFailure.Kind.REFUSED, "the server refused the batch: " + e.getMessage(), 0);
    }
    if (answer == null || answer.results() == null || answer.results().size() != batch.size()) {
      throw new GatewayFailure(
          GatewayFailure.Kind.UNREACHABLE, "the server's answer did not list every order", 0);
    }
    List<SendResult> results = new ArrayList<>(batch.size());
    for (Wire.BatchRow row : answer.results()) {
      Wire.Problem p = row.problem();
      if (p == null && row.groupOrderId() != null) {
        results.add(
            SendResult.placedGroup(
                row.groupOrderId(),
                GroupNote.of(
                    row.orders() == null
                        ? List.of()
                        : row.orders().stream()
                            .map(
                                m ->
                                    new GroupNote.Member(
                                        m.account(),
                                        m.quantity() == null ? 0 : m.quantity(),
                                        m.status(),
                                        m.problem() == null ? null : m.problem().detail()))
                            .toList())));
        continue;
      }
      results.add(
          p == null
              ? SendResult.placed(
                  row.status(),
                  row.orderId(),
                  row.actionId(),
                  SendResult.OrderState.of(
                      row.orderStatus(),
                      row.statusMessage(),
                      row.filledQuantity(),
                      row.averagePrice()))
              : SendResult.problem(row.status(), p.code(), detail(p), p.retryAfter()));
    }
    return results;
  }

  /** The detail, with the failing fields when the server listed them. */
  private static String detail(Wire.Problem p) {
    if (p.errors() == null || p.errors().isEmpty()) {
      return p.detail();
    }
    return p.errors().stream()
        .map(e -> e.field() + " " + e.message())
        .collect(Collectors.joining("; "));
  }

  static Wire.OrderBody body(Outgoing o) {
    OrderRow r = o.order();
    return new Wire.OrderBody(
        r.account(),
        r.exchange(),
        r.symbol(),
        r.side(),
        r.quantity(),
        r.orderType(),
        r.productType(),
        r.price(),
        r.triggerPrice(),
        r.variety(),
        r.validity(),
        r.target(),
        r.stoploss(),
        r.trailingStoploss(),
        r.disclosedQuantity(),
        r.strategy(),
        r.comments(),
        o.clientOrderId());
  }
}
