package io.tradebridge.e2e;

import jakarta.json.JsonObject;
import java.util.Comparator;

/**
 * The paper exchange's futures roll every month (the last Tuesday), so a test that trades one names
 * the contract listed today, never a date written into the test.
 */
public final class PaperContracts {

  private PaperContracts() {}

  /** The nearest-expiring future of an index ("NIFTY", "BANKNIFTY") listed today. */
  public static String nearest(Api api, String key, String underlying) {
    return api
        .fresh()
        .get("/api/v1/instruments?exchange=NFO&q=" + underlying + "_", "X-API-Key", key)
        .array()
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(i -> i.getString("symbol").startsWith(underlying + "_"))
        .filter(i -> "FUT".equals(i.getString("instrumentType")))
        .min(Comparator.comparing(i -> i.getString("expiry")))
        .map(i -> i.getString("symbol"))
        .orElseThrow(() -> new AssertionError("no " + underlying + " future listed"));
  }
}
