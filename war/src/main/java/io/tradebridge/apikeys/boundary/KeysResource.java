package io.tradebridge.apikeys.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.Via;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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

/** A person managing their API keys. Session only: a key can never mint, reveal or revoke keys. */
@ApplicationScoped
@Path("v1/keys")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Access(Via.SESSION)
public class KeysResource {

  @Inject Caller caller;
  @Inject ApiKeys apiKeys;

  @GET
  public List<KeyView> list() {
    return apiKeys.list(caller.userId());
  }

  @POST
  @APIResponse(
      responseCode = "201",
      description = "Created; the only answer that holds the whole key besides reveal",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = IssuedKey.class)))
  public Response create(NewKeyRequest request) {
    IssuedKey key = apiKeys.create(caller.userId(), request);
    return Response.created(URI.create("v1/keys/" + key.id())).entity(key).build();
  }

  @POST
  @Path("{id}/reveal")
  public RevealedKey reveal(@PathParam("id") String id, StepUpRequest proof) {
    return apiKeys.reveal(caller.userId(), id, proof);
  }

  @POST
  @Path("{id}/regenerate")
  public RevealedKey regenerate(@PathParam("id") String id, StepUpRequest proof) {
    return apiKeys.regenerate(caller.userId(), id, proof);
  }

  @PATCH
  @Path("{id}")
  public KeyView update(@PathParam("id") String id, KeyPatch patch) {
    return apiKeys.update(caller.userId(), id, patch);
  }

  @DELETE
  @Path("{id}")
  @APIResponse(responseCode = "204", description = "Revoked at once")
  public Response revoke(@PathParam("id") String id) {
    apiKeys.revoke(caller.userId(), id);
    return Response.noContent().build();
  }
}
