package io.tradebridge.rest.json;

import io.tradebridge.common.control.TradebridgeException;
import jakarta.json.JsonValue;

/**
 * Binds one JSON value to a record with the same strict rules as request bodies (for batch rows).
 */
public final class StrictJson {

  private StrictJson() {}

  public static <T> T bind(Class<T> type, JsonValue value) {
    RecordBinder binder = new RecordBinder();
    Object bound = binder.bindRecord(type, value, "");
    if (!binder.errors().isEmpty()) {
      throw TradebridgeException.validation(binder.errors());
    }
    return type.cast(bound);
  }
}
