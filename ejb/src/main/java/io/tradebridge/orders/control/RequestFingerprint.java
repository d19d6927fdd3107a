package io.tradebridge.orders.control;

import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.orders.entity.Validity;
import io.tradebridge.orders.entity.Variety;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What "the same body" means for idempotency: the same fields with the same values, where 100 and
 * 100.00 are the same price and the defaults (REGULAR, DAY) count as written.
 */
public final class RequestFingerprint {

  private RequestFingerprint() {}

  public static String of(OrderRequest r) {
    String canonical =
        Stream.of(
                r.account() == null ? null : r.account().toUpperCase(),
                r.exchange(),
                r.symbol() == null ? null : r.symbol().toUpperCase(),
                r.side(),
                r.quantity(),
                r.orderType(),
                r.productType(),
                number(r.price()),
                number(r.triggerPrice()),
                r.variety() == null ? Variety.REGULAR : r.variety(),
                r.validity() == null ? Validity.DAY : r.validity(),
                number(r.target()),
                number(r.stoploss()),
                number(r.trailingStoploss()),
                r.disclosedQuantity(),
                r.amo(),
                r.strategy(),
                r.comments())
            .map(v -> Objects.toString(v, ""))
            .collect(Collectors.joining("\u001f"));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String number(BigDecimal value) {
    return value == null || value.signum() == 0 ? "" : value.stripTrailingZeros().toPlainString();
  }
}
