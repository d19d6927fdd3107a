package io.tradebridge.e2e;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One server for all end-to-end classes of a test run (a Liberty start costs ~15 s here). Tests
 * share it safely because each creates its own users. Set {@code -Dtradebridge.url} to test a
 * server that is already running instead.
 */
public final class SharedServer implements ParameterResolver {

  /** The shared server's TRADEBRIDGE_PUBLIC_URL, as a broker app registered for it names it. */
  static final String PUBLIC_URL = "https://tradebridge.test";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Api.class
        || type == Mailbox.class
        || type == RunningServer.class
        || type == KiteStandIn.class
        || type == UpstoxStandIn.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    String url = System.getProperty("tradebridge.url");
    boolean external = url != null && !url.isBlank();
    if (parameter.getParameter().getType() == Mailbox.class) {
      if (external) {
        throw new IllegalStateException(
            "e-mail tests need the server this run starts (its SMTP points at the test's"
                + " mail server); run them without -Dtradebridge.url");
      }
      return holder(context).mailbox;
    }
    if (parameter.getParameter().getType() == KiteStandIn.class) {
      if (external) {
        throw new IllegalStateException(
            "Kite tests need the server this run starts (it calls the test's Kite stand-in);"
                + " run them without -Dtradebridge.url");
      }
      return holder(context).kite;
    }
    if (parameter.getParameter().getType() == UpstoxStandIn.class) {
      if (external) {
        throw new IllegalStateException(
            "Upstox tests need the server this run starts (it calls the test's Upstox stand-in);"
                + " run them without -Dtradebridge.url");
      }
      return holder(context).upstox;
    }
    if (parameter.getParameter().getType() == RunningServer.class) {
      if (external) {
        throw new IllegalStateException(
            "this test reads the server's own log folder; run it without -Dtradebridge.url");
      }
      return holder(context).server;
    }
    return external ? new Api(url) : new Api(holder(context).server.baseUrl());
  }

  private static Holder holder(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Holder.class, k -> new Holder(), Holder.class);
  }

  /**
   * Closed by JUnit when the whole run ends. The server sends its security e-mails to a real SMTP
   * server on loopback (GreenMail), believes X-Forwarded-For from loopback so that tests can call
   * from "other" addresses, and trusts {@link TokenMint}'s tokens for single sign-on.
   */
  static final class Holder implements ExtensionContext.Store.CloseableResource {
    final Mailbox mailbox = Mailbox.start();
    final KiteStandIn kite = KiteStandIn.start();
    final UpstoxStandIn upstox = UpstoxStandIn.start();
    final RunningServer server =
        new RunningServer(
                RunningServer.newHome("shared"),
                Map.ofEntries(
                    // Kite is the test's stand-in; a broker call gives up after 2 s (KiteIT's
                    // slow-Kite test waits 3 s) instead of Kite's 7.
                    Map.entry("TRADEBRIDGE_KITE_API_URL", kite.apiUrl()),
                    Map.entry("TRADEBRIDGE_KITE_LOGIN_URL", kite.loginUrl()),
                    Map.entry("TRADEBRIDGE_UPSTOX_API_URL", upstox.apiUrl()),
                    Map.entry("TRADEBRIDGE_UPSTOX_LOGIN_URL", upstox.loginUrl()),
                    Map.entry("TRADEBRIDGE_UPSTOX_INSTRUMENTS_URL", upstox.instrumentsUrl()),
                    Map.entry(
                        "IO_TRADEBRIDGE_BROKERS_UPSTOX_BOUNDARY_UPSTOXGATEWAY_CALL_TIMEOUT_VALUE",
                        "2"),
                    // The address brokers send the browser back to (the apps registered at the
                    // stand-ins name it); tests follow the callback's path on their own base.
                    Map.entry("TRADEBRIDGE_PUBLIC_URL", PUBLIC_URL),
                    Map.entry("TRADEBRIDGE_PAPER_MARKET_CONTROL", "true"),
                    // Fills without a postback are looked for every 5 s rather than every minute.
                    Map.entry("TRADEBRIDGE_BROKER_POLL_SECONDS", "5"),
                    Map.entry(
                        "IO_TRADEBRIDGE_BROKERS_KITE_BOUNDARY_KITEGATEWAY_CALL_TIMEOUT_VALUE", "2"),
                    Map.entry("TRADEBRIDGE_SMTP_HOST", "127.0.0.1"),
                    Map.entry("TRADEBRIDGE_SMTP_PORT", String.valueOf(mailbox.port())),
                    Map.entry("TRADEBRIDGE_SMTP_FROM", "alerts@tradebridge.test"),
                    Map.entry("TRADEBRIDGE_TRUSTED_PROXIES", "127.0.0.1"),
                    // Every test signs its own people up from loopback; the limit still holds
                    // (RateLimitsIT).
                    Map.entry(
                        "TRADEBRIDGE_RATE_SIGNIN_PER_MINUTE",
                        String.valueOf(RateLimitsIT.SIGN_INS_PER_MINUTE)),
                    Map.entry("TRADEBRIDGE_SSO_ISSUER", TokenMint.ISSUER),
                    Map.entry("TRADEBRIDGE_SSO_AUDIENCE", TokenMint.AUDIENCE),
                    Map.entry("TRADEBRIDGE_SSO_PUBLIC_KEY", TokenMint.publicKeyPem()),
                    Map.entry("TRADEBRIDGE_ADMINS", SingleSignOnIT.LOCAL_ADMIN)))
            .start();

    @Override
    public void close() {
      server.stop();
      mailbox.stop();
      kite.close();
      upstox.close();
    }
  }
}
