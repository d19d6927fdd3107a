package io.tradebridge.apikeys.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.Via;
import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.access.entity.KeyEnvironment;
import io.tradebridge.access.entity.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/** The cheapest way for a program to check its key before trading. */
@ApplicationScoped
@Path("v1/ping")
@Produces(MediaType.APPLICATION_JSON)
@Access(Via.API_KEY)
public class PingResource {

  @Inject Caller caller;

  public record Pong(
      String status,
      String userId,
      String keyId,
      KeyEnvironment environment,
      Set<Permission> permissions) {}

  @GET
  public Pong ping() {
    KeyCaller key = caller.key();
    return new Pong("ok", key.userId(), key.keyId(), key.environment(), key.permissions());
  }
}
