package io.tradebridge.excel.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /excel/manifest.xml}: the add-in's manifest with every URL under {@code
 * TRADEBRIDGE_PUBLIC_URL} (default {@code https://localhost:<https port>}: Office loads add-ins
 * over HTTPS only). Its Id is derived from that address, so that an administrator who deploys the
 * add-ins of two Tradebridge servers gets two add-ins, and the same server always gives the same
 * Id.
 */
@WebServlet(urlPatterns = "/excel/manifest.xml")
public class AddinManifest extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final String TEMPLATE = "/io/tradebridge/excel/addin/manifest.xml";

  /**
   * Office wants four parts; raise it when the manifest changes, so that installed copies update.
   */
  static final String VERSION = "1.0.0.0";

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_PUBLIC_URL", defaultValue = " ")
  transient String publicUrl;

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_HTTPS_PORT", defaultValue = "9443")
  transient String httpsPort;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String base = base();
    String manifest = render(template(), base);
    response.setContentType("application/xml");
    response.setCharacterEncoding("UTF-8");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"tradebridge-excel-manifest.xml\"");
    response.getWriter().write(manifest);
  }

  /** The public address without a trailing slash. */
  String base() {
    String configured = publicUrl == null ? "" : publicUrl.strip();
    String base = configured.isEmpty() ? "https://localhost:" + httpsPort.strip() : configured;
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    URI.create(base); // an address that is not one fails here, not inside Excel
    return base;
  }

  static String render(String template, String base) {
    String escaped =
        base.replace("&", "&amp;")
            .replace("\"", "&quot;")
            .replace("<", "&lt;")
            .replace(">", "&gt;");
    String id =
        UUID.nameUUIDFromBytes(("tradebridge-excel-addin:" + base).getBytes(StandardCharsets.UTF_8))
            .toString();
    return template
        .replace("{{BASE}}", escaped)
        .replace("{{ID}}", id)
        .replace("{{VERSION}}", VERSION);
  }

  private static String template() throws IOException {
    try (InputStream in = AddinManifest.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IOException(TEMPLATE + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
