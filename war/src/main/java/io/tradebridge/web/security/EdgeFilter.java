package io.tradebridge.web.security;

import io.tradebridge.access.boundary.ForwardedScheme;
import io.tradebridge.access.boundary.TrustedProxies;
import io.tradebridge.common.control.ProblemCode;
import io.tradebridge.rest.problem.Problem;
import io.tradebridge.rest.problem.Problems;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The first thing every request meets. It refuses an API key in the query string before anything
 * else sees (or could log) the URL, and sets the security headers every answer carries, HSTS among
 * them once the request came over HTTPS (directly, or through a trusted proxy: {@link
 * ForwardedScheme}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class EdgeFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** One year, the value HSTS preload lists ask for; subdomains are the operator's to decide. */
  static final String HSTS = "max-age=31536000";

  /** The add-in's pages: office.js from Microsoft, framed only by Office's own sites. */
  static final String ADDIN_POLICY =
      "default-src 'self'; img-src 'self' data:; script-src 'self' https://appsforoffice.microsoft.com;"
          + " style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors"
          + " https://*.officeapps.live.com https://*.office.com https://*.office365.com"
          + " https://*.sharepoint.com https://*.cloud.microsoft https://*.microsoft365.com";

  private static final Set<String> KEY_PARAMETERS =
      Set.of("apikey", "api_key", "api-key", "x-api-key", "key");

  @Inject transient TrustedProxies proxies;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean secure =
        ForwardedScheme.secure(
            request.isSecure(),
            request.getRemoteAddr(),
            request.getHeader("X-Forwarded-Proto"),
            proxies);
    request.setAttribute(ForwardedScheme.ATTRIBUTE, secure);
    if (secure) {
      // RFC 6797 §7.2: sent only over secure transport; a browser then refuses plain HTTP to us.
      response.setHeader("Strict-Transport-Security", HSTS);
    }
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    String uri = request.getRequestURI();
    if (uri.startsWith("/excel/")) {
      // The Excel add-in: Office frames its task pane inside Excel on the web, and the pane must
      // load
      // office.js from Microsoft (an add-in may not serve its own copy). Only Office's sites may
      // frame it.
      response.setHeader("Content-Security-Policy", ADDIN_POLICY);
    } else {
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader(
          "Content-Security-Policy",
          "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; object-src 'none'; "
              + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    }
    // The OpenAlgo-compatible API (/openalgo/api/v1/…) carries keys in its bodies like ours.
    if (uri.startsWith("/api/") || uri.startsWith("/openalgo/")) {
      // API answers can hold keys and codes: never cache them anywhere.
      response.setHeader("Cache-Control", "no-store");
      if (carriesKey(request.getQueryString())) {
        refuseKeyInUrl(response);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  static boolean carriesKey(String query) {
    if (query == null || query.isEmpty()) {
      return false;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (KEY_PARAMETERS.contains(name) || (eq > 0 && pair.substring(eq + 1).startsWith("tb_"))) {
        return true;
      }
    }
    return false;
  }

  private static void refuseKeyInUrl(HttpServletResponse response) throws IOException {
    Problem problem =
        Problems.problem(
            ProblemCode.API_KEY_IN_URL,
            400,
            "an API key is never accepted in a URL, "
                + "where logs and browser history keep it; send it in the X-API-Key header, and regenerate this key",
            List.of(),
            0);
    Problems.write(response, problem);
  }
}
