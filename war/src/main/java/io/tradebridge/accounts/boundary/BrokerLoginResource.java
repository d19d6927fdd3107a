package io.tradebridge.accounts.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.Via;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The start of a trader's daily broker login (API.md, "Real brokers"): a link to the broker's own
 * login page; the broker sends the browser back to {@link BrokerCallbackResource}.
 */
@ApplicationScoped
@Path("v1/trading-accounts/{id}/broker-login")
@Produces(MediaType.APPLICATION_JSON)
@Access(Via.SESSION)
public class BrokerLoginResource {

  @Inject Caller caller;
  @Inject BrokerSessions sessions;

  @POST
  public BrokerLoginUrl start(@PathParam("id") String accountId) {
    return sessions.start(caller.userId(), accountId);
  }
}
