package io.tradebridge.sso.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SsoSettingsTest {

  @Test
  void singleSignOnWithoutAnAudienceMayNotRun() {
    List<String> refusals = SsoSettings.refusals("https://idp.example", List.of(), null);
    assertEquals(1, refusals.size());
    assertTrue(refusals.get(0).contains("TRADEBRIDGE_SSO_AUDIENCE"), refusals.get(0));
  }

  @Test
  void keysFetchedOverPlainHttpAreRefusedExceptOnLoopback() {
    List<String> refusals =
        SsoSettings.refusals(
            "https://idp.example",
            List.of("tradebridge"),
            "http://idp.example/realms/x/protocol/openid-connect/certs");
    assertEquals(1, refusals.size());
    assertTrue(refusals.get(0).contains("https"), refusals.get(0));
    for (String loopback :
        new String[] {
          "http://127.0.0.1:8180/certs", "http://localhost/certs", "http://[::1]:80/c"
        }) {
      assertEquals(
          List.of(),
          SsoSettings.refusals("https://idp.example", List.of("tradebridge"), loopback),
          loopback);
    }
    assertEquals(
        List.of(),
        SsoSettings.refusals(
            "https://idp.example", List.of("tradebridge"), "https://idp.example/certs"));
  }

  @Test
  void aHostThatOnlyStartsWithALoopbackNameIsNotLoopback() {
    assertEquals(
        1,
        SsoSettings.refusals(
                "https://idp.example", List.of("tb"), "http://127.0.0.1.evil.example/c")
            .size());
    assertEquals(
        1,
        SsoSettings.refusals(
                "https://idp.example", List.of("tb"), "http://localhost.evil.example/c")
            .size());
  }

  @Test
  void withoutAnIssuerSingleSignOnIsOffAndNothingIsRefused() {
    assertEquals(List.of(), SsoSettings.refusals(null, List.of(), "http://idp.example/certs"));
  }
}
