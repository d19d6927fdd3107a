package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** API.md, "Your own account": sessions, changing the password, and resetting a forgotten one. */
@ExtendWith(SharedServer.class)
class YourOwnAccountIT {

  static final Pattern RESET_LINK = Pattern.compile("/#/reset\\?token=([A-Za-z0-9_-]+)");

  /** The reset e-mail among the others a person gets (turning on 2FA is e-mailed too). */
  static Mailbox.Mail resetMail(Mailbox mailbox, Trader trader) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      List<Mailbox.Mail> resets =
          mailbox.to(trader.email()).stream().filter(m -> m.subject().contains("reset")).toList();
      if (!resets.isEmpty()) {
        return resets.get(resets.size() - 1);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no reset e-mail for " + trader.email() + " within 20 s");
  }

  private static Api signIn(Api api, Trader trader, String userAgent) {
    Api browser = api.fresh();
    Api.Reply login =
        browser.post(
            "/api/v1/auth/login",
            Api.json("username", trader.username, "password", trader.password),
            "User-Agent",
            userAgent);
    assertEquals(200, login.status(), login.toString());
    browser.useCsrf(login.json().getString("csrfToken"));
    return browser;
  }

  @Test
  void aPersonSeesTheirSessionsAndSignsOneOut(Api api) {
    Trader trader = Trader.register(api);
    Api laptop = signIn(api, trader, "Laptop/1.0");
    Api phone = signIn(api, trader, "Phone/2.0");

    JsonArray sessions = laptop.get("/api/v1/security/sessions").array();
    assertEquals(2, sessions.size(), sessions.toString());
    JsonObject mine =
        sessions.getValuesAs(JsonObject.class).stream()
            .filter(s -> s.getBoolean("current"))
            .findFirst()
            .orElseThrow();
    assertEquals("Laptop/1.0", mine.getString("userAgent"));
    JsonObject other =
        sessions.getValuesAs(JsonObject.class).stream()
            .filter(s -> !s.getBoolean("current"))
            .findFirst()
            .orElseThrow();
    assertEquals("Phone/2.0", other.getString("userAgent"));
    assertTrue(
        other.getString("ip").equals("127.0.0.1") || other.getString("ip").contains(":"),
        other.toString());
    assertFalse(sessions.toString().contains("TB_SESSION"), "never the cookie");

    Trader stranger = Trader.register(api).login();
    assertEquals(
        404,
        stranger.browser.delete("/api/v1/security/sessions/" + other.getString("id")).status());
    assertEquals(204, laptop.delete("/api/v1/security/sessions/" + other.getString("id")).status());
    assertEquals(401, phone.get("/api/v1/me").status(), "the phone is signed out at once");
    assertEquals(200, laptop.get("/api/v1/me").status());
    assertEquals(1, laptop.get("/api/v1/security/sessions").array().size());
    assertTrue(laptop.get("/api/v1/security/events").body().contains("SESSION_ENDED"));
    assertEquals(
        403,
        api.fresh().get("/api/v1/security/sessions", "X-API-Key", trader.firstKey).status(),
        "a key cannot see or end sessions");
  }

  @Test
  void changingThePasswordNeedsTheOldOneAndSignsOutEveryOtherSession(Api api) {
    Trader trader = Trader.register(api);
    Api here = signIn(api, trader, "Here/1");
    Api elsewhere = signIn(api, trader, "Elsewhere/1");
    String newPassword = "a brand new passphrase " + System.nanoTime();

    Api.Reply wrong =
        here.post(
            "/api/v1/auth/password",
            Api.json("password", "not the old one", "newPassword", newPassword));
    assertEquals(401, wrong.status(), wrong.toString());
    Api.Reply tooShort =
        here.post(
            "/api/v1/auth/password", Api.json("password", trader.password, "newPassword", "short"));
    assertEquals(400, tooShort.status(), tooShort.toString());

    assertEquals(
        204,
        here.post(
                "/api/v1/auth/password",
                Api.json("password", trader.password, "newPassword", newPassword))
            .status());
    assertEquals(200, here.get("/api/v1/me").status(), "this session goes on");
    assertEquals(401, elsewhere.get("/api/v1/me").status(), "every other session ends");
    assertEquals(
        401,
        api.fresh()
            .post(
                "/api/v1/auth/login",
                Api.json("username", trader.username, "password", trader.password))
            .status());
    assertEquals(
        200,
        api.fresh()
            .post(
                "/api/v1/auth/login",
                Api.json("username", trader.username, "password", newPassword))
            .status());
    assertTrue(here.get("/api/v1/security/events").body().contains("PASSWORD_CHANGED"));
  }

  @Test
  void aForgottenPasswordIsResetOnceThroughTheEmailedLink(Api api, Mailbox mailbox)
      throws InterruptedException {
    Trader trader = Trader.register(api);
    Api before = signIn(api, trader, "Before/1");
    Api.Reply unknown =
        api.fresh()
            .post(
                "/api/v1/auth/password-reset",
                Api.json("email", "nobody-" + System.nanoTime() + "@example.com"));
    assertEquals(202, unknown.status(), "nothing tells whether an address is known");
    assertEquals(
        202,
        api.fresh()
            .post("/api/v1/auth/password-reset", Api.json("email", trader.email()))
            .status());

    List<Mailbox.Mail> mails =
        mailbox.awaitAtLeast(trader.email(), 1, Duration.ofSeconds(20)).stream()
            .filter(m -> m.subject().contains("reset"))
            .toList();
    assertEquals(1, mails.size(), "one reset e-mail");
    Matcher link = RESET_LINK.matcher(mails.get(0).body().replace("=\r\n", "").replace("=\n", ""));
    assertTrue(link.find(), mails.get(0).body());
    String token = link.group(1);
    String newPassword = "found my way back in " + System.nanoTime();

    assertEquals(
        401,
        api.fresh()
            .post(
                "/api/v1/auth/password-reset/confirm",
                Api.json("token", token + "x", "newPassword", newPassword))
            .status());
    assertEquals(
        204,
        api.fresh()
            .post(
                "/api/v1/auth/password-reset/confirm",
                Api.json("token", token, "newPassword", newPassword))
            .status());
    assertEquals(
        401,
        api.fresh()
            .post(
                "/api/v1/auth/password-reset/confirm",
                Api.json("token", token, "newPassword", "and once more please"))
            .status(),
        "the link works once");
    assertEquals(401, before.get("/api/v1/me").status(), "every session ends");
    assertEquals(
        200,
        api.fresh()
            .post(
                "/api/v1/auth/login",
                Api.json("username", trader.username, "password", newPassword))
            .status());
  }

  @Test
  void withTwoFactorOnTheResetLinkAloneIsNotEnough(Api api, Mailbox mailbox)
      throws InterruptedException {
    Trader trader = Trader.register(api).login().enableTwoFactor(true, false);
    assertEquals(
        202,
        api.fresh()
            .post("/api/v1/auth/password-reset", Api.json("email", trader.email()))
            .status());
    Matcher link = RESET_LINK.matcher(resetMail(mailbox, trader).body());
    assertTrue(link.find());
    String newPassword = "mailbox is not a second factor " + System.nanoTime();

    Api.Reply withoutCode =
        api.fresh()
            .post(
                "/api/v1/auth/password-reset/confirm",
                Api.json("token", link.group(1), "newPassword", newPassword));
    assertEquals(401, withoutCode.status(), withoutCode.toString());
    assertEquals("TOTP_REQUIRED", withoutCode.code());
    assertEquals(
        204,
        api.fresh()
            .post(
                "/api/v1/auth/password-reset/confirm",
                Api.json(
                    "token",
                    link.group(1),
                    "newPassword",
                    newPassword,
                    "totpCode",
                    trader.authenticator.nextCode()))
            .status(),
        "the link still works once the code is given");
  }
}
