package io.tradebridge.brokers.kite.boundary;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;

/**
 * Kite Connect v3's HTTP API, the part we use (https://kite.trade/docs/connect/v3/). Every call
 * names API version 3; every call but the token exchange carries {@code Authorization: token
 * api_key:access_token}. Answers are read raw: Kite's error answers carry the words a trader needs.
 */
@ClientHeaderParam(name = "X-Kite-Version", value = "3")
public interface KiteApi {

  @POST
  @Path("/session/token")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  Response token(Form form);

  @POST
  @Path("/orders/{variety}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  Response place(
      @HeaderParam("Authorization") String authorization,
      @PathParam("variety") String variety,
      Form form);

  @PUT
  @Path("/orders/{variety}/{orderId}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  Response modify(
      @HeaderParam("Authorization") String authorization,
      @PathParam("variety") String variety,
      @PathParam("orderId") String orderId,
      Form form);

  @DELETE
  @Path("/orders/{variety}/{orderId}")
  Response cancel(
      @HeaderParam("Authorization") String authorization,
      @PathParam("variety") String variety,
      @PathParam("orderId") String orderId);

  @GET
  @Path("/orders")
  Response orders(@HeaderParam("Authorization") String authorization);

  @GET
  @Path("/instruments/{exchange}")
  Response instruments(
      @HeaderParam("Authorization") String authorization, @PathParam("exchange") String exchange);

  @GET
  @Path("/quote/ltp")
  Response ltp(
      @HeaderParam("Authorization") String authorization, @QueryParam("i") List<String> keys);

  @GET
  @Path("/portfolio/positions")
  Response positions(@HeaderParam("Authorization") String authorization);

  @GET
  @Path("/portfolio/holdings")
  Response holdings(@HeaderParam("Authorization") String authorization);

  @GET
  @Path("/user/margins")
  Response margins(@HeaderParam("Authorization") String authorization);
}
