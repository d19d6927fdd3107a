package io.tradebridge.accounts.boundary;

import io.tradebridge.accounts.entity.BrokerName;
import io.tradebridge.common.control.TradebridgeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Where a broker sends the trader's browser back after its login (the URL to register in the
 * broker's developer console: {@code TRADEBRIDGE_PUBLIC_URL/api/v1/brokers/KITE/callback}). No
 * session is needed: the single-use {@code state} names the user and the account. Success is a 303
 * to the web UI's trading accounts page.
 */
@ApplicationScoped
@Path("v1/brokers/{broker}/callback")
public class BrokerCallbackResource {

  @Inject BrokerSessions sessions;

  @GET
  @APIResponse(responseCode = "303", description = "Logged in; on to the trading accounts page")
  public Response callback(@PathParam("broker") String broker, @Context UriInfo uri) {
    Map<String, String> params = new HashMap<>();
    uri.getQueryParameters().forEach((name, values) -> params.put(name, values.get(0)));
    sessions.finish(brokerNamed(broker), params);
    // The web UI is served at the root, beside the API's /api.
    URI base = uri.getBaseUri();
    return Response.seeOther(
            URI.create(base.getScheme() + "://" + base.getRawAuthority() + "/#/accounts"))
        .build();
  }

  private static BrokerName brokerNamed(String broker) {
    for (BrokerName name : BrokerName.values()) {
      if (name.name().equalsIgnoreCase(broker) && name != BrokerName.PAPER) {
        return name;
      }
    }
    throw TradebridgeException.notFound("broker '" + broker + "'");
  }
}
