package io.tradebridge.brokers.upstox.boundary;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;

/**
 * Upstox API v2, the part we use (https://upstox.com/developer/api-documentation/). Every call
 * names {@code Api-Version: 2.0}; every call but the token exchange carries {@code Authorization:
 * Bearer <access token>}. Answers are read raw: Upstox's error answers carry the trader's reason.
 */
@ClientHeaderParam(name = "Api-Version", value = "2.0")
@Produces(MediaType.APPLICATION_JSON)
public interface UpstoxApi {

  @POST
  @Path("/v2/login/authorization/token")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  Response token(Form form);

  @POST
  @Path("/v2/order/place")
  @Consumes(MediaType.APPLICATION_JSON)
  Response place(@HeaderParam("Authorization") String authorization, JsonObject order);

  @PUT
  @Path("/v2/order/modify")
  @Consumes(MediaType.APPLICATION_JSON)
  Response modify(@HeaderParam("Authorization") String authorization, JsonObject change);

  @DELETE
  @Path("/v2/order/cancel")
  Response cancel(
      @HeaderParam("Authorization") String authorization, @QueryParam("order_id") String orderId);

  @GET
  @Path("/v2/order/retrieve-all")
  Response orders(@HeaderParam("Authorization") String authorization);

  @GET
  @Path("/v2/order/details")
  Response order(
      @HeaderParam("Authorization") String authorization, @QueryParam("order_id") String orderId);

  @GET
  @Path("/v2/market-quote/ltp")
  Response ltp(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("instrument_key") String instrumentKeys);

  @GET
  @Path("/v2/portfolio/short-term-positions")
  Response positions(@HeaderParam("Authorization") String authorization);

  @GET
  @Path("/v2/portfolio/long-term-holdings")
  Response holdings(@HeaderParam("Authorization") String authorization);

  @GET
  @Path("/v2/user/get-funds-and-margin")
  Response funds(@HeaderParam("Authorization") String authorization);
}
