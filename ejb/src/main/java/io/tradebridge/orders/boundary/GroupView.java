package io.tradebridge.orders.boundary;

import io.tradebridge.orders.entity.AccountGroup;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A group as the API answers it. */
public record GroupView(String id, String name, List<Member> members, Instant createdAt) {

  public record Member(String account, BigDecimal multiplier) {}

  static GroupView of(AccountGroup g) {
    return new GroupView(
        g.id(),
        g.name(),
        g.members().stream()
            .map(m -> new Member(m.account(), m.multiplier().stripTrailingZeros()))
            .toList(),
        g.createdAt());
  }
}
