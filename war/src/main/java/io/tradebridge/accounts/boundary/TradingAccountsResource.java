package io.tradebridge.accounts.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.Via;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.apikeys.boundary.StepUpRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Broker logins behind pseudo accounts. Programs may list them with READ; only a person changes
 * them.
 */
@ApplicationScoped
@Path("v1/trading-accounts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Access(Via.SESSION)
public class TradingAccountsResource {

  @Inject Caller caller;
  @Inject TradingAccounts accounts;

  @GET
  @Access(
      value = {Via.SESSION, Via.API_KEY},
      requires = Permission.READ)
  public List<AccountView> list() {
    return accounts.list(caller.userId());
  }

  @POST
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = AccountView.class)))
  public Response create(AccountRequest request) {
    AccountView account = accounts.create(caller.userId(), request);
    return Response.created(URI.create("v1/trading-accounts/" + account.id()))
        .entity(account)
        .build();
  }

  @PUT
  @Path("{id}")
  public AccountView update(@PathParam("id") String id, AccountRequest request) {
    return accounts.update(caller.userId(), id, request);
  }

  @DELETE
  @Path("{id}")
  @APIResponse(responseCode = "204", description = "Removed")
  public Response delete(@PathParam("id") String id, StepUpRequest proof) {
    accounts.delete(caller.userId(), id, proof);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/credentials/reveal")
  public RevealedCredentials reveal(@PathParam("id") String id, StepUpRequest proof) {
    return accounts.revealCredentials(caller.userId(), id, proof);
  }

  @POST
  @Path("{id}/validate")
  public ValidationResult validate(@PathParam("id") String id) {
    return accounts.validate(caller.userId(), id);
  }
}
