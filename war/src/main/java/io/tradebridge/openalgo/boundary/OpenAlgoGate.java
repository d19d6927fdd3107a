package io.tradebridge.openalgo.boundary;

import io.tradebridge.access.boundary.KeyCheck;
import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.openalgo.control.OpenAlgoFields;
import io.tradebridge.protection.boundary.RateLimiter;
import io.tradebridge.protection.control.RateKind;
import io.tradebridge.rest.json.StrictJsonReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.function.Function;

/**
 * The way through for every OpenAlgo call: the body read with the same limits as any request (size,
 * UTF-8, depth), the fields OpenAlgo's schema knows, the key in the body's {@code apikey} — the one
 * other place API.md allows it — checked as a header's key is ({@link KeyCheck}), the key's rate
 * window charged; then the work. Every refusal on the way is an OpenAlgo error, never a problem.
 */
@ApplicationScoped
public class OpenAlgoGate {

  /**
   * The exits OpenAlgo's SDK may attach to a plain order, which OpenAlgo watches itself. We do not
   * watch a plain order's exits, and dropping them quietly would leave a trader unprotected who
   * thinks otherwise: refused, pointing at the bracket order, which does protect.
   */
  static final String EXITS = "target stoploss trailing_sl trailing_stoploss";

  static final String EXITS_NOT_WATCHED =
      "Not supported: exits attached to a plain order are not watched here. Send a bracket order"
          + " (POST /api/v1/orders with variety BO, target and stoploss) to be protected.";

  @Inject KeyCheck keys;
  @Inject RateLimiter limiter;

  /**
   * Reads the body, checks the fields OpenAlgo's schema knows and the key, charges the key's rate
   * window, then does the work; every refusal on the way is an OpenAlgo error, never a problem.
   */
  public Response answer(
      InputStream body,
      String length,
      Set<String> known,
      Permission needed,
      Function<OpenAlgoCall, Response> work) {
    try {
      JsonValue json = StrictJsonReader.parse(body, length);
      if (!(json instanceof JsonObject object)) {
        return OpenAlgoReply.error(400, "The request body must be a JSON object.");
      }
      OpenAlgoFields fields = new OpenAlgoFields(object).only(known);
      for (String exit : EXITS.split(" ")) {
        if (object.containsKey(exit)) {
          fields.error(exit, EXITS_NOT_WATCHED);
        }
      }
      JsonValue apikey = object.get("apikey");
      if (apikey == null || apikey == JsonValue.NULL) {
        fields.error("apikey", "Missing data for required field.");
      } else if (!(apikey instanceof JsonString text) || text.getString().isEmpty()) {
        fields.error("apikey", "Length must be between 1 and 256.");
      }
      if (fields.hasErrors()) {
        return OpenAlgoReply.invalid(fields);
      }
      KeyCaller key = keys.authenticate(((JsonString) apikey).getString(), needed);
      if (needed == Permission.READ) {
        charge(key, RateKind.READS);
      }
      return work.apply(new OpenAlgoCall(key, fields));
    } catch (TradebridgeException e) {
      return OpenAlgoReply.of(e);
    } catch (IOException e) {
      return OpenAlgoReply.error(400, "The request body could not be read.");
    }
  }

  public Response read(InputStream body, String length, Function<OpenAlgoCall, Object> data) {
    return answer(
        body,
        length,
        fields("apikey"),
        Permission.READ,
        call -> {
          Object value = data.apply(call);
          JsonObjectBuilder answer = Json.createObjectBuilder();
          if (value instanceof JsonArrayBuilder array) {
            answer.add("data", array);
          } else {
            answer.add("data", (JsonObjectBuilder) value);
          }
          return OpenAlgoReply.success(answer);
        });
  }

  public void charge(KeyCaller key, RateKind kind) {
    limiter.charge(key, kind, 1);
  }

  static Set<String> fields(String names) {
    return Set.of(names.split(" "));
  }
}
