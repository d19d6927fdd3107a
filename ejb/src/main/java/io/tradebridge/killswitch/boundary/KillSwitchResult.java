package io.tradebridge.killswitch.boundary;

import java.util.List;

/**
 * What the kill switch did. An order the broker would not cancel (already filled, say) is listed
 * with the reason rather than failing the whole switch: the keys are revoked either way.
 */
public record KillSwitchResult(
    int revokedKeys,
    List<String> cancelledOrders,
    List<Failure> failedOrders,
    int cancelledActions) {

  public record Failure(String orderId, String code, String detail) {}
}
