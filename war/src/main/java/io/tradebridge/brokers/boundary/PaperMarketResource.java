package io.tradebridge.brokers.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.Role;
import io.tradebridge.access.boundary.Via;
import io.tradebridge.market.control.Quote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The paper market's control for administrators (not in API.md; README "Where this server goes
 * beyond API.md"): hold a paper instrument's price, then let it go. Off unless {@code
 * TRADEBRIDGE_PAPER_MARKET_CONTROL=true}.
 */
@ApplicationScoped
@Path("v1/admin/paper-market/{exchange}/{symbol}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Via.SESSION, role = Role.ADMIN)
public class PaperMarketResource {

  @Inject Caller caller;
  @Inject PaperMarketControl control;

  /** The quote the pinned market now shows: its bid and ask follow from the price held. */
  public record PinnedQuote(
      String exchange,
      String symbol,
      BigDecimal lastPrice,
      BigDecimal bid,
      int bidQuantity,
      BigDecimal ask,
      int askQuantity,
      Instant time) {

    static PinnedQuote of(Quote q) {
      return new PinnedQuote(
          q.exchange(),
          q.symbol(),
          q.lastPrice(),
          q.bid(),
          q.bids().get(0).quantity(),
          q.ask(),
          q.asks().get(0).quantity(),
          q.time());
    }
  }

  @PUT
  public PinnedQuote pin(
      @PathParam("exchange") String exchange,
      @PathParam("symbol") String symbol,
      PaperMarketControl.Pin pin) {
    return PinnedQuote.of(control.pin(caller.userId(), exchange, symbol, pin));
  }

  @DELETE
  @APIResponse(responseCode = "204", description = "The price walks again")
  public Response release(
      @PathParam("exchange") String exchange, @PathParam("symbol") String symbol) {
    control.release(caller.userId(), exchange, symbol);
    return Response.noContent().build();
  }
}
