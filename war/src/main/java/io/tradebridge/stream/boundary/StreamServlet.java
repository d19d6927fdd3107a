package io.tradebridge.stream.boundary;

import io.tradebridge.access.boundary.ClientAddress;
import io.tradebridge.access.boundary.Credentials;
import io.tradebridge.access.boundary.TrustedProxies;
import io.tradebridge.apikeys.boundary.ApiKeyAuthenticator;
import io.tradebridge.common.control.ProblemCode;
import io.tradebridge.rest.problem.Problems;
import io.tradebridge.users.boundary.Sessions;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/v1/stream}: upgrades to the push stream's WebSocket. A servlet rather than an
 * annotated endpoint because the stream needs what only the HTTP request knows — the caller's
 * address (through a trusted proxy's X-Forwarded-For, for key allowlists) and the session cookie —
 * and WebSocket 2.1's {@code upgradeHttpToWebSocket} lets each connection start with them.
 * Authentication itself waits for the first message: never a key in the URL.
 */
@WebServlet(urlPatterns = "/api/v1/stream", asyncSupported = true)
public class StreamServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient StreamHub hub;
  @Inject transient ApiKeyAuthenticator keys;
  @Inject transient Sessions sessions;
  @Inject transient TrustedProxies proxies;
  @Resource transient ManagedScheduledExecutorService timers;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String upgrade = request.getHeader("Upgrade");
    if (upgrade == null || !upgrade.toLowerCase(Locale.ROOT).contains("websocket")) {
      response.setHeader("Upgrade", "websocket");
      Problems.write(
          response,
          Problems.problem(
              ProblemCode.MALFORMED_REQUEST,
              426,
              "this address is a WebSocket (API.md, \"Live updates\"): connect with a WebSocket"
                  + " client and send {\"action\":\"auth\",\"apiKey\":\"…\"} first",
              List.of(),
              0));
      return;
    }
    String address =
        ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), proxies);
    StreamSocket socket =
        new StreamSocket(hub, keys, sessions, timers, address, sessionToken(request));
    ServerEndpointConfig config =
        ServerEndpointConfig.Builder.create(StreamSocket.class, "/api/v1/stream")
            .configurator(
                new ServerEndpointConfig.Configurator() {
                  @Override
                  public <T> T getEndpointInstance(Class<T> type) {
                    return type.cast(socket);
                  }
                })
            .build();
    ServerContainer container =
        (ServerContainer) request.getServletContext().getAttribute(ServerContainer.class.getName());
    try {
      container.upgradeHttpToWebSocket(request, response, config, Map.of());
    } catch (DeploymentException e) {
      throw new ServletException("the stream could not start", e);
    }
  }

  private static String sessionToken(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie c : cookies) {
        if (Credentials.SESSION_COOKIE.equals(c.getName())) {
          return c.getValue();
        }
      }
    }
    return null;
  }
}
