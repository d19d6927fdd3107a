package io.tradebridge.web.security;

import io.tradebridge.access.boundary.Caller;
import io.tradebridge.protection.boundary.RequestOrigin;
import io.tradebridge.protection.boundary.TrafficLog;
import io.tradebridge.protection.entity.TrafficLine;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notes where each API request came from (for security events) before authentication, and offers
 * one traffic-log line per request of a known user once the answer is decided. The line holds the
 * path template ({@code /api/v1/orders/{orderId}}), never the query string, a header or a body, so
 * it cannot hold a key, password or code. Requests nobody could be identified for are not logged
 * per user: a flood of made-up keys must not fill anybody's log.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class TrafficRecorder implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String STARTED = TrafficRecorder.class.getName() + ".started";

  /** Path templates by resource method: worked out once, not on every request. */
  private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

  @Context ResourceInfo resource;
  @Inject Caller caller;
  @Inject RequestOrigin origin;
  @Inject KeyAuthentication keyAuthentication;
  @Inject TrafficLog trafficLog;
  @Inject Clock clock;

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
    keyAuthentication.address(); // notes the request's origin for security events
    origin.setUserAgent(request.getHeaderString("User-Agent"));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String userId = caller.userIdOrNull();
    Object started = request.getProperty(STARTED);
    if (userId == null || !(started instanceof Long t)) {
      return;
    }
    int latencyMs = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - t) / 1_000_000);
    trafficLog.record(
        new TrafficLine(
            clock.instant(),
            userId,
            caller.key() == null ? null : caller.key().keyId(),
            request.getMethod(),
            template(),
            response.getStatus(),
            origin.address(),
            latencyMs));
  }

  private String template() {
    if (resource == null || resource.getResourceMethod() == null) {
      return "/api";
    }
    Class<?> type = resource.getResourceClass();
    return TEMPLATES.computeIfAbsent(
        resource.getResourceMethod(),
        method -> {
          StringBuilder path = new StringBuilder("/api");
          append(path, type.getAnnotation(Path.class));
          append(path, method.getAnnotation(Path.class));
          return path.toString();
        });
  }

  private static void append(StringBuilder path, Path part) {
    if (part != null && !part.value().isEmpty()) {
      String v = part.value();
      path.append(v.startsWith("/") ? "" : "/")
          .append(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
    }
  }
}
