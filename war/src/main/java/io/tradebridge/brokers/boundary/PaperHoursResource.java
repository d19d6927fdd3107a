package io.tradebridge.brokers.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.Role;
import io.tradebridge.access.boundary.Via;
import io.tradebridge.market.boundary.MarketResource.MarketStatusView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The paper market's hours and time, for administrators rehearsing an open, the 15:20 square-off or
 * a weekend without waiting for one (not in API.md; README "Market hours"). {@code PUT} {@code
 * {hours: "exchange"|"always", time}} answers the market's status at the new time; {@code DELETE}
 * goes back to the configured hours and the server's clock. Off unless {@code
 * TRADEBRIDGE_PAPER_MARKET_CONTROL=true}, like the price control.
 */
@ApplicationScoped
@Path("v1/admin/paper-market/hours")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Via.SESSION, role = Role.ADMIN)
public class PaperHoursResource {

  @Inject Caller caller;
  @Inject PaperMarketControl control;

  @PUT
  public MarketStatusView rehearse(PaperMarketControl.Rehearsal rehearsal) {
    return MarketStatusView.of(control.rehearse(caller.userId(), rehearsal));
  }

  @DELETE
  public MarketStatusView reset() {
    return MarketStatusView.of(control.endRehearsal(caller.userId()));
  }
}
