package io.tradebridge.copying.boundary;

import io.tradebridge.copying.entity.CopyAction;
import io.tradebridge.copying.entity.CopyOutcome;
import io.tradebridge.copying.entity.CopyRecord;
import java.time.Instant;
import java.util.List;

/** One line of GET /api/v1/copy-rules/{id}/log. */
public record CopyRecordView(
    String id,
    Instant time,
    String masterOrderId,
    String child,
    CopyAction action,
    CopyOutcome outcome,
    List<String> childOrderIds,
    String message) {

  static CopyRecordView of(CopyRecord r) {
    return new CopyRecordView(
        r.id(),
        r.recordedAt(),
        r.masterOrderId(),
        r.child(),
        r.action(),
        r.outcome(),
        r.childOrderIds(),
        r.message());
  }
}
