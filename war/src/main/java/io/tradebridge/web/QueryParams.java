package io.tradebridge.web;

import io.tradebridge.common.control.TradebridgeException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Query parameters read strictly: an unknown enum value is a 400 naming the parameter, not a 404. */
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
    throw TradebridgeException.validation(name, "must be one of "
        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
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
}
