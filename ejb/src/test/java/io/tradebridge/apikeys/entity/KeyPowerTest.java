package io.tradebridge.apikeys.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.access.entity.KeyEnvironment;
import io.tradebridge.access.entity.OrderMode;
import io.tradebridge.access.entity.Permission;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which key changes give a key more power and so need the step-up (API.md, API keys). */
class KeyPowerTest {

  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  private static ApiKey readOnlyOfficeKey() {
    return new ApiKey(
        "k1",
        "u1",
        "office",
        KeyEnvironment.LIVE,
        Set.of(Permission.READ),
        List.of("203.0.113.0/24"),
        OrderMode.SEMI_AUTO,
        NOW.plusSeconds(86_400),
        NOW);
  }

  @Test
  void addingAPermissionGainsPower() {
    assertTrue(
        readOnlyOfficeKey()
            .gainsPowerFrom(Set.of(Permission.READ, Permission.TRADE), null, null, null));
    assertFalse(readOnlyOfficeKey().gainsPowerFrom(Set.of(Permission.READ), null, null, null));
  }

  @Test
  void emptyingOrWideningTheAllowlistGainsPowerAndNarrowingItDoesNot() {
    assertTrue(
        readOnlyOfficeKey().gainsPowerFrom(null, List.of(), null, null),
        "empty means every address");
    assertTrue(readOnlyOfficeKey().gainsPowerFrom(null, List.of("203.0.0.0/16"), null, null));
    assertTrue(
        readOnlyOfficeKey()
            .gainsPowerFrom(null, List.of("203.0.113.0/24", "198.51.100.7"), null, null));
    assertFalse(readOnlyOfficeKey().gainsPowerFrom(null, List.of("203.0.113.128/25"), null, null));
    assertFalse(readOnlyOfficeKey().gainsPowerFrom(null, List.of("203.0.113.9"), null, null));
  }

  @Test
  void semiAutomaticToAutomaticGainsPower() {
    assertTrue(readOnlyOfficeKey().gainsPowerFrom(null, null, OrderMode.AUTO, null));
    assertFalse(readOnlyOfficeKey().gainsPowerFrom(null, null, OrderMode.SEMI_AUTO, null));
  }

  @Test
  void aLaterExpiryGainsPowerAndAnEarlierOneDoesNot() {
    assertTrue(readOnlyOfficeKey().gainsPowerFrom(null, null, null, NOW.plusSeconds(2 * 86_400)));
    assertFalse(readOnlyOfficeKey().gainsPowerFrom(null, null, null, NOW.plusSeconds(3600)));
  }

  @Test
  void aKeyWithNoLimitsCannotBeWidenedFurther() {
    ApiKey open =
        new ApiKey(
            "k2",
            "u1",
            "all",
            KeyEnvironment.LIVE,
            Set.of(Permission.READ, Permission.TRADE),
            List.of(),
            OrderMode.AUTO,
            null,
            NOW);
    assertFalse(
        open.gainsPowerFrom(
            Set.of(Permission.TRADE),
            List.of("198.51.100.0/24"),
            OrderMode.SEMI_AUTO,
            NOW.plusSeconds(60)));
  }
}
