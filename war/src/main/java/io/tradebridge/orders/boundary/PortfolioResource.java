package io.tradebridge.orders.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.ChargedPerOrder;
import io.tradebridge.access.boundary.Via;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.accounts.boundary.TradingAccounts;
import io.tradebridge.rest.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Trades, positions, holdings and margins: reads, with a key's READ permission or a session. */
@ApplicationScoped
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
@Access(
    value = {Via.API_KEY, Via.SESSION},
    requires = Permission.READ)
public class PortfolioResource {

  @Inject Caller caller;
  @Inject Orders orders;
  @Inject Portfolio portfolio;
  @Inject AccountReads reads;
  @Inject TradingAccounts accounts;
  @Inject SquareOff squareOff;
  @Inject OrderMargin orderMargin;

  @GET
  @Path("trades")
  public List<TradeView> trades(@QueryParam("account") String account) {
    return orders.trades(caller.userId(), QueryParams.blankToNull(account));
  }

  @GET
  @Path("positions")
  public List<PositionView> positions(
      @QueryParam("account") String account, @QueryParam("category") String category) {
    Portfolio.Category c = QueryParams.enumOrNull("category", category, Portfolio.Category.class);
    return reads.positions(
        caller.userId(), QueryParams.blankToNull(account), c == null ? Portfolio.Category.NET : c);
  }

  @GET
  @Path("holdings")
  public List<HoldingView> holdings(@QueryParam("account") String account) {
    return reads.holdings(caller.userId(), QueryParams.blankToNull(account));
  }

  @GET
  @Path("margins")
  public MarginsView margins(@QueryParam("account") String account) {
    String pseudo = QueryParams.required("account", account, "PAPER1");
    return reads.margins(caller.userId(), pseudo);
  }

  /**
   * {@code POST /api/v1/margins/order}: the margin the order in the body (the fields of {@code POST
   * /api/v1/orders}) would block, and what the account has available; nothing is placed.
   */
  @POST
  @Path("margins/order")
  @Consumes(MediaType.APPLICATION_JSON)
  public OrderMargin.OrderMarginView orderMargin(io.tradebridge.orders.entity.OrderRequest order) {
    return orderMargin.of(caller.userId(), order);
  }

  @GET
  @Path("portfolio/summary")
  public SummaryView summary(@QueryParam("account") String account) {
    String pseudo = QueryParams.required("account", account, "PAPER1");
    return portfolio.summary(caller.userId(), accounts.byPseudoAccount(caller.userId(), pseudo));
  }

  @POST
  @Path("positions/square-off")
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(
      value = {Via.API_KEY, Via.SESSION},
      requires = Permission.TRADE)
  @ChargedPerOrder
  public SquareOffResult squareOffPosition(SquareOffRequest request) {
    return new SquareOffResult(squareOff.position(caller.userId(), caller.key(), request));
  }

  @POST
  @Path("portfolio/square-off")
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(
      value = {Via.API_KEY, Via.SESSION},
      requires = Permission.TRADE)
  @ChargedPerOrder
  public SquareOffResult squareOffPortfolio(SquareOffRequest request) {
    return new SquareOffResult(squareOff.portfolio(caller.userId(), caller.key(), request));
  }

  public record SquareOffResult(List<OrderView> orders) {}
}
