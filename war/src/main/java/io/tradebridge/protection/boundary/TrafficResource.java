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

/** A person's own request log: who used which key, from where, for what, and how it went. */
@ApplicationScoped
@Path("v1/traffic")
@Produces(MediaType.APPLICATION_JSON)
@Access(Via.SESSION)
public class TrafficResource {

  @Inject Caller caller;
  @Inject Traffic traffic;

  @GET
  public List<TrafficView> list(
      @QueryParam("since") String since,
      @QueryParam("keyId") String keyId,
      @QueryParam("limit") String limit,
      @QueryParam("before") String before) {
    Long rows = QueryParams.longOrNull("limit", limit, 1, Traffic.MAX_LIMIT);
    return traffic.list(
        caller.userId(),
        QueryParams.instantOrNull("since", since),
        QueryParams.blankToNull(keyId),
        rows == null ? null : rows.intValue(),
        QueryParams.longOrNull("before", before, 0, Long.MAX_VALUE));
  }
}
