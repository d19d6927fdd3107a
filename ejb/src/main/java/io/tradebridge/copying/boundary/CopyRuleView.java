package io.tradebridge.copying.boundary;

import io.tradebridge.copying.entity.CopyRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A copy rule as the API answers it. */
public record CopyRuleView(
    String id,
    String master,
    List<Child> children,
    boolean copyPlace,
    boolean copyModify,
    boolean copyCancel,
    String activeFrom,
    String activeTo,
    Instant createdAt) {

  public record Child(String account, BigDecimal multiplier) {}

  static CopyRuleView of(CopyRule r) {
    return new CopyRuleView(
        r.id(),
        r.master(),
        r.children().stream()
            .map(c -> new Child(c.account(), c.multiplier().stripTrailingZeros()))
            .toList(),
        r.copyPlace(),
        r.copyModify(),
        r.copyCancel(),
        r.activeFrom(),
        r.activeTo(),
        r.createdAt());
  }
}
