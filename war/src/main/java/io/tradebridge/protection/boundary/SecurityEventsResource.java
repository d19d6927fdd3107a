package io.tradebridge.protection.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.Via;
import io.tradebridge.rest.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Sign-ins, lockouts, 2FA and key changes, new addresses, the kill switch: newest first. */
@ApplicationScoped
@Path("v1/security/events")
@Produces(MediaType.APPLICATION_JSON)
@Access(Via.SESSION)
public class SecurityEventsResource {

  @Inject Caller caller;
  @Inject SecurityEvents events;

  @GET
  public List<SecurityEventView> list(
      @QueryParam("limit") String limit, @QueryParam("before") String before) {
    Long rows = QueryParams.longOrNull("limit", limit, 1, SecurityEvents.MAX_LIMIT);
    return events.list(
        caller.userId(),
        rows == null ? null : rows.intValue(),
        QueryParams.longOrNull("before", before, 0, Long.MAX_VALUE));
  }
}
