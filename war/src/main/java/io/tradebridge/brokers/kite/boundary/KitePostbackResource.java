package io.tradebridge.brokers.kite.boundary;

import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.rest.json.JsonBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Kite's postback URL (set in the Kite developer console to {@code
 * TRADEBRIDGE_PUBLIC_URL/api/v1/brokers/KITE/postback}). Kite signs each postback; there is no
 * session or key, and a wrong signature is 401 with nothing changed.
 */
@ApplicationScoped
@Path("v1/brokers/{broker}/postback")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class KitePostbackResource {

  /** Whether the postback was about one of our orders. */
  public record Received(boolean ours) {}

  @Inject KitePostbacks postbacks;

  @POST
  public Received receive(@PathParam("broker") String broker, JsonBody postback) {
    if (!"KITE".equalsIgnoreCase(broker)) {
      // Kite is the only broker that posts to us so far.
      throw TradebridgeException.notFound("postbacks of broker '" + broker + "'");
    }
    return new Received(postbacks.receive(postback.object()));
  }
}
