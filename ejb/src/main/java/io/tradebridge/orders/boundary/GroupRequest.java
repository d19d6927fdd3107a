package io.tradebridge.orders.boundary;

import java.math.BigDecimal;
import java.util.List;

/** POST and PUT /api/v1/groups: a name and its members, each with a multiplier above 0. */
public record GroupRequest(String name, List<Member> members) {

  public record Member(String account, BigDecimal multiplier) {}
}
