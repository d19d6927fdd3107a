package io.tradebridge.rest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.access.entity.KeyEnvironment;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.apikeys.boundary.NewKeyRequest;
import io.tradebridge.common.control.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordBinderTest {

  public record Quantity(int quantity, Long price, Boolean live) {}

  private static JsonValue parse(String json) {
    return Json.createReader(new StringReader(json)).readValue();
  }

  @Test
  void bindsEveryFieldTypeOfAKeyRequest() {
    RecordBinder binder = new RecordBinder();
    NewKeyRequest request =
        (NewKeyRequest)
            binder.bindRecord(
                NewKeyRequest.class,
                parse(
                    "{\"label\":\"bot\",\"environment\":\"TEST\",\"permissions\":[\"READ\",\"TRADE\"],"
                        + "\"ipAllowlist\":[\"10.0.0.0/8\"],\"expiresAt\":\"2030-01-01T00:00:00Z\",\"password\":\"p\"}"),
                "");
    assertEquals(java.util.List.of(), binder.errors());
    assertEquals(KeyEnvironment.TEST, request.environment());
    assertEquals(Set.of(Permission.READ, Permission.TRADE), request.permissions());
    assertEquals(Instant.parse("2030-01-01T00:00:00Z"), request.expiresAt());
    assertNull(request.orderMode(), "absent stays absent; the bean applies the documented default");
  }

  @Test
  void namesUnknownFieldsWrongTypesAndUnknownEnumValuesAllAtOnce() {
    RecordBinder binder = new RecordBinder();
    binder.bindRecord(
        NewKeyRequest.class,
        parse(
            "{\"label\":7,\"environment\":\"PROD\",\"permissions\":[\"READ\",\"WITHDRAW\"],\"expiresAt\":\"tomorrow\",\"admin\":true}"),
        "");
    assertTrue(
        binder.errors().contains(new FieldError("label", "must be a string")),
        binder.errors().toString());
    assertTrue(
        binder.errors().contains(new FieldError("environment", "must be one of LIVE, TEST")),
        binder.errors().toString());
    assertTrue(
        binder.errors().contains(new FieldError("permissions[1]", "must be one of READ, TRADE")),
        binder.errors().toString());
    assertTrue(
        binder.errors().stream().anyMatch(e -> e.field().equals("expiresAt")),
        binder.errors().toString());
    assertTrue(
        binder.errors().contains(new FieldError("admin", "is not a known field")),
        binder.errors().toString());
  }

  @Test
  void aFractionIsNotAWholeNumberAndAMissingPrimitiveIsRequired() {
    RecordBinder binder = new RecordBinder();
    binder.bindRecord(
        Quantity.class, parse("{\"quantity\":10.5,\"price\":\"100\",\"live\":\"yes\"}"), "");
    assertTrue(
        binder.errors().contains(new FieldError("quantity", "must be a whole number, not 10.5")),
        binder.errors().toString());
    assertTrue(
        binder.errors().contains(new FieldError("price", "must be a whole number")),
        binder.errors().toString());
    assertTrue(
        binder.errors().contains(new FieldError("live", "must be true or false")),
        binder.errors().toString());

    RecordBinder missing = new RecordBinder();
    missing.bindRecord(Quantity.class, parse("{}"), "");
    assertEquals(java.util.List.of(new FieldError("quantity", "is required")), missing.errors());
  }

  @Test
  void aWholeNumberWrittenWithADecimalPointIsAccepted() {
    RecordBinder binder = new RecordBinder();
    Quantity q = (Quantity) binder.bindRecord(Quantity.class, parse("{\"quantity\":10.0}"), "");
    assertEquals(10, q.quantity());
  }

  @Test
  void aBodyThatIsNotAnObjectIsNamedAsSuch() {
    RecordBinder binder = new RecordBinder();
    binder.bindRecord(Quantity.class, parse("[1]"), "");
    assertEquals(
        java.util.List.of(new FieldError("body", "must be a JSON object")), binder.errors());
  }
}
