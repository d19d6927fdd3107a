package io.tradebridge.openalgo.boundary;

import java.util.Map;

/** Our request fields under the names an OpenAlgo client sent them, for error messages. */
final class OpenAlgoNames {

  private static final Map<String, String> NAMES =
      Map.of(
          "side", "action",
          "orderType", "pricetype",
          "productType", "product",
          "triggerPrice", "trigger_price",
          "disclosedQuantity", "disclosed_quantity",
          "account", "apikey (its defaultAccount)");

  private OpenAlgoNames() {}

  static String of(String ourField) {
    return NAMES.getOrDefault(ourField, ourField);
  }
}
