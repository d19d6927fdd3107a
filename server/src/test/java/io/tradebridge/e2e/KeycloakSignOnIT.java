package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on against a real identity provider: Keycloak signs people in with their password and
 * issues RS256 tokens; Tradebridge knows only the issuer, the audience and the JWKS address, and
 * fetches the keys itself.
 */
class KeycloakSignOnIT {

  private static Keycloak keycloak;
  private static RunningServer server;
  private static Api api;

  @BeforeAll
  static void startBoth() {
    keycloak = new Keycloak().launch();
    server =
        new RunningServer(
                RunningServer.newHome("keycloak"),
                Map.of(
                    "TRADEBRIDGE_SSO_ISSUER", keycloak.issuer(),
                    "TRADEBRIDGE_SSO_AUDIENCE", "tradebridge",
                    "TRADEBRIDGE_SSO_JWKS_URL", keycloak.jwksUrl()))
            .start();
    keycloak.awaitReady();
    api = new Api(server.baseUrl());
  }

  @AfterAll
  static void stopBoth() {
    if (server != null) {
      server.stop();
    }
    if (keycloak != null) {
      keycloak.close();
    }
  }

  @Test
  void aKeycloakSignInReachesMeAndTheKeysPageAsTheSamePersonEachTime() {
    String token = keycloak.signIn("asha", "asha-desk-password");
    Api.Reply me = api.fresh().get("/api/v1/me", "Authorization", "Bearer " + token);
    assertEquals(200, me.status(), me.toString());
    assertEquals("asha", me.json().getString("username"));
    assertEquals("asha@desk.test", me.json().getString("email"));
    assertEquals("sso", me.json().getString("signIn"));

    Api.Reply keys = api.fresh().get("/api/v1/keys", "Authorization", "Bearer " + token);
    assertEquals(200, keys.status(), keys.toString());
    Api.Reply accounts =
        api.fresh().get("/api/v1/trading-accounts", "Authorization", "Bearer " + token);
    assertEquals("PAPER1", accounts.array().getJsonObject(0).getString("pseudoAccount"));

    String again = keycloak.signIn("asha", "asha-desk-password");
    assertEquals(
        me.json().getString("userId"),
        api.fresh()
            .get("/api/v1/me", "Authorization", "Bearer " + again)
            .json()
            .getString("userId"));
  }

  @Test
  void keycloakRolesDecideWhoAdministersUsers() {
    String asha = keycloak.signIn("asha", "asha-desk-password");
    String ravi = keycloak.signIn("ravi", "ravi-desk-password");
    api.fresh().get("/api/v1/me", "Authorization", "Bearer " + asha);

    assertEquals(
        403, api.fresh().get("/api/v1/admin/users", "Authorization", "Bearer " + asha).status());
    Api.Reply users = api.fresh().get("/api/v1/admin/users", "Authorization", "Bearer " + ravi);
    assertEquals(200, users.status(), users.toString());
    assertTrue(
        users.array().getValuesAs(JsonObject.class).stream()
            .anyMatch(u -> u.getString("username").equals("asha")));
    assertEquals(
        403,
        api.fresh().get("/api/v1/keys", "Authorization", "Bearer " + ravi).status(),
        "an administrator without the trader role does not trade");
  }

  @Test
  void aKeycloakTokenWithAnAlteredSignatureIsRefused() {
    String issued = keycloak.signIn("asha", "asha-desk-password");
    String[] parts = issued.split("\\.");
    String swapped = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    assertEquals(401, api.fresh().get("/api/v1/me", "Authorization", "Bearer " + swapped).status());
    assertEquals(401, api.fresh().get("/api/v1/me").status());
  }
}
