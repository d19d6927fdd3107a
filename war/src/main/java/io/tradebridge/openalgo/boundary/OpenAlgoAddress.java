package io.tradebridge.openalgo.boundary;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * OpenAlgo's own address for its API, {@code /openalgo/api/v1/<endpoint>}, so that a client needs
 * only its host changed to {@code http://<server>/openalgo}. Forwarded to {@link OpenAlgoPlacing}
 * inside our JAX-RS application ({@code /api/openalgo/v1/<endpoint>}), where the traffic log, rate
 * limits and the key check meet it like every other request; a servlet rather than a second JAX-RS
 * application, which would have been given every resource of the first as well.
 */
@WebServlet(urlPatterns = "/openalgo/api/v1/*", asyncSupported = true)
public class OpenAlgoAddress extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final Pattern ENDPOINT = Pattern.compile("/[a-z]{1,32}");

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String endpoint = request.getPathInfo();
    if (endpoint == null || !ENDPOINT.matcher(endpoint).matches()) {
      response.setStatus(404);
      response.setContentType("application/json");
      response
          .getWriter()
          .write("{\"status\":\"error\",\"message\":\"no such OpenAlgo endpoint\"}");
      return;
    }
    request.getRequestDispatcher("/api/openalgo/v1" + endpoint).forward(request, response);
  }
}
