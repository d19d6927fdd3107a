package io.tradebridge.rest;

import io.tradebridge.common.control.TradebridgeException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Query parameters read strictly: an unknown enum value is a 400 naming the parameter, not a 404.
 */
public final class QueryParams {

  private QueryParams() {}

  public static <E extends Enum<E>> E enumOrNull(String name, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    throw TradebridgeException.validation(
        name,
        "must be one of "
            + Arrays.stream(type.getEnumConstants())
                .map(Enum::name)
                .collect(Collectors.joining(", ")));
  }

  public static String required(String name, String value, String example) {
    if (value == null || value.isBlank()) {
      throw TradebridgeException.validation(name, "is required, e.g. ?" + name + "=" + example);
    }
    return value;
  }

  public static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** An optional whole number within bounds, or a 400 naming the parameter. */
  public static Long longOrNull(String name, String value, long min, long max) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    try {
      long n = Long.parseLong(v.strip());
      if (n < min || n > max) {
        throw TradebridgeException.validation(name, "must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw TradebridgeException.validation(name, "must be a whole number");
    }
  }

  /** An optional instant: ISO-8601 ({@code 2026-11-23T09:15:00Z}) or epoch milliseconds. */
  public static java.time.Instant instantOrNull(String name, String value) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    try {
      return v.chars().allMatch(Character::isDigit)
          ? java.time.Instant.ofEpochMilli(Long.parseLong(v))
          : java.time.Instant.parse(v.strip());
    } catch (RuntimeException e) {
      throw TradebridgeException.validation(
          name, "must be an ISO-8601 instant such as 2026-11-23T09:15:00Z, or epoch milliseconds");
    }
  }
}
