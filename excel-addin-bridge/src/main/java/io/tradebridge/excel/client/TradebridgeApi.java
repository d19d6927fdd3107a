package io.tradebridge.excel.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The part of the HTTP API the bridge uses (API.md), as a typed MicroProfile Rest Client. Errors
 * arrive as {@link ApiProblem}s, mapped from problem+json by {@link ProblemMapper}; the key travels
 * in the {@code X-API-Key} header only ({@link ApiKeyHeader}).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface TradebridgeApi {

  @GET
  @Path("ping")
  Wire.Ping ping();

  @POST
  @Path("orders/batch")
  Wire.BatchAnswer placeBatch(Wire.Batch batch);

  @GET
  @Path("orders")
  List<Wire.Order> orders();

  @GET
  @Path("positions")
  List<Wire.Position> positions();

  @GET
  @Path("holdings")
  List<Wire.Holding> holdings();

  @GET
  @Path("trading-accounts")
  List<Wire.TradingAccount> tradingAccounts();
}
