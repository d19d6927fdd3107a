package io.tradebridge.brokers.boundary;

import io.tradebridge.brokers.kite.boundary.KitePostbacks;
import io.tradebridge.brokers.upstox.boundary.UpstoxWebhooks;
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
import java.util.Locale;

/**
 * The postback URL each broker's developer console is given ({@code
 * TRADEBRIDGE_PUBLIC_URL/api/v1/brokers/KITE/postback}, {@code …/UPSTOX/postback}). There is no
 * session or key: Kite signs each postback (a wrong signature is 401, nothing changed); Upstox does
 * not, so its webhook only makes us look the order up at Upstox.
 */
@ApplicationScoped
@Path("v1/brokers/{broker}/postback")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BrokerPostbackResource {

  /** Whether the postback was about one of our orders. */
  public record Received(boolean ours) {}

  @Inject KitePostbacks kite;
  @Inject UpstoxWebhooks upstox;

  @POST
  public Received receive(@PathParam("broker") String broker, JsonBody postback) {
    return switch (broker.toUpperCase(Locale.ROOT)) {
      case "KITE" -> new Received(kite.receive(postback.object()));
      case "UPSTOX" -> new Received(upstox.receive(postback.object()));
      default -> throw TradebridgeException.notFound("postbacks of broker '" + broker + "'");
    };
  }
}
