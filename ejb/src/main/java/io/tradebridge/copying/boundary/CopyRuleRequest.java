package io.tradebridge.copying.boundary;

import java.math.BigDecimal;
import java.util.List;

/**
 * POST and PUT /api/v1/copy-rules (API.md, "Groups and copy trading"). The three switches default
 * to on; {@code activeFrom}/{@code activeTo} are times of day ("HH:mm", India time), either may be
 * left out.
 */
public record CopyRuleRequest(
    String master,
    List<Child> children,
    Boolean copyPlace,
    Boolean copyModify,
    Boolean copyCancel,
    String activeFrom,
    String activeTo) {

  public record Child(String account, BigDecimal multiplier) {}
}
