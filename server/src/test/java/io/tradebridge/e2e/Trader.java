package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A person with an account: registers a unique user, logs in, and sets up 2FA like the README says.
 */
public final class Trader {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  public final String username;
  public final String password;
  public final Api browser;
  public final String userId;
  public final String firstKey;
  public final String firstKeyId;
  public AuthenticatorApp authenticator;
  public java.util.List<String> recoveryCodes;

  private Trader(Api api, String username, String password, JsonObject registered) {
    this.browser = api;
    this.username = username;
    this.password = password;
    this.userId = registered.getString("userId");
    this.firstKey = registered.getJsonObject("apiKey").getString("key");
    this.firstKeyId = registered.getJsonObject("apiKey").getString("id");
  }

  public static Trader register(Api api) {
    String username =
        "trader"
            + ProcessHandle.current().pid()
            + "x"
            + System.nanoTime() % 100000
            + "n"
            + SEQUENCE.incrementAndGet();
    String password = "correct horse battery staple " + SEQUENCE.get();
    Api browser = api.fresh();
    Api.Reply reply =
        browser.post(
            "/api/v1/auth/register",
            Api.json(
                "username", username, "email", username + "@example.com", "password", password));
    assertEquals(201, reply.status(), reply.toString());
    return new Trader(browser, username, password, reply.json());
  }

  /** Logs in with the password only (login 2FA off). */
  public Trader login() {
    Api.Reply reply =
        browser.post("/api/v1/auth/login", Api.json("username", username, "password", password));
    assertEquals(200, reply.status(), reply.toString());
    assertEquals("AUTHENTICATED", reply.json().getString("status"));
    browser.useCsrf(reply.json().getString("csrfToken"));
    return this;
  }

  /** Logs in through both steps (login 2FA on). */
  public Trader loginWithCode() {
    Api.Reply first =
        browser.post("/api/v1/auth/login", Api.json("username", username, "password", password));
    assertEquals("TOTP_REQUIRED", first.json().getString("status"), first.toString());
    Api.Reply second =
        browser.post(
            "/api/v1/auth/login/totp",
            Api.json(
                "challengeId",
                first.json().getString("challengeId"),
                "code",
                authenticator.nextCode()));
    assertEquals(200, second.status(), second.toString());
    browser.useCsrf(second.json().getString("csrfToken"));
    return this;
  }

  /**
   * Scans the QR code's secret into an authenticator app and activates 2FA for the chosen steps.
   */
  public Trader enableTwoFactor(boolean login, boolean credentials) {
    Api.Reply setup = browser.post("/api/v1/security/totp/setup", Api.json("password", password));
    assertEquals(200, setup.status(), setup.toString());
    authenticator = new AuthenticatorApp(setup.json().getString("secret"));
    Api.Reply activated =
        browser.post(
            "/api/v1/security/totp/activate",
            Api.json("code", authenticator.nextCode(), "login", login, "credentials", credentials));
    assertEquals(200, activated.status(), activated.toString());
    recoveryCodes =
        activated
            .json()
            .getJsonArray("recoveryCodes")
            .getValuesAs(jakarta.json.JsonString.class)
            .stream()
            .map(jakarta.json.JsonString::getString)
            .toList();
    return this;
  }

  /** The address registered for this trader; security e-mails go there. */
  public String email() {
    return username + "@example.com";
  }

  public Api.Reply ping(String key) {
    return browser.fresh().get("/api/v1/ping", "X-API-Key", key);
  }
}
