package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every malformed request gets a 4xx problem+json naming the problem, never a 500, and changes
 * nothing.
 */
@ExtendWith(SharedServer.class)
class BadInputIT {

  private static void assertProblem(Api.Reply reply, int status, String code) {
    assertEquals(status, reply.status(), reply.toString());
    assertTrue(
        reply.header("Content-Type").startsWith("application/problem+json"),
        reply.header("Content-Type"));
    assertEquals(code, reply.code());
    assertEquals(status, reply.json().getInt("status"));
    assertTrue(reply.json().getString("instance").startsWith("urn:uuid:"));
    assertFalse(reply.body().contains("Exception"), reply.body());
    assertFalse(reply.body().contains("at io.") || reply.body().contains("SQL"), reply.body());
  }

  private static String registration(String username) {
    return Api.json(
        "username",
        username,
        "email",
        username + "@example.com",
        "password",
        "a long enough password");
  }

  private static void assertUsernameStillFree(Api api, String username) {
    assertEquals(
        201,
        api.fresh().post("/api/v1/auth/register", registration(username)).status(),
        "the refused request must not have created " + username);
  }

  @Test
  void aBodyThatIsNotJsonIsMalformed(Api api) {
    String username = "notjson" + System.nanoTime();
    assertProblem(
        api.post("/api/v1/auth/register", "{\"username\": \"" + username + "\", "),
        400,
        "MALFORMED_REQUEST");
    assertProblem(api.post("/api/v1/auth/register", "[1,2,3]"), 400, "VALIDATION_FAILED");
    assertProblem(api.post("/api/v1/auth/register", ""), 400, "MALFORMED_REQUEST");
    assertUsernameStillFree(api, username);
  }

  @Test
  void wrongTypesAndUnknownFieldsAreNamed(Api api) {
    Api.Reply reply =
        api.post(
            "/api/v1/auth/register",
            "{\"username\": 42, \"email\": \"a@example.com\", \"password\": \"a long enough password\", \"isAdmin\": true}");
    assertProblem(reply, 400, "VALIDATION_FAILED");
    String errors = reply.json().getJsonArray("errors").toString();
    assertTrue(
        errors.contains("\"field\":\"username\"") && errors.contains("must be a string"), errors);
    assertTrue(
        errors.contains("\"field\":\"isAdmin\"") && errors.contains("is not a known field"),
        errors);
  }

  @Test
  void missingAndOutOfRangeFieldsAreAllListed(Api api) {
    Api.Reply reply =
        api.post("/api/v1/auth/register", Api.json("username", "ab", "password", "short"));
    assertProblem(reply, 400, "VALIDATION_FAILED");
    String errors = reply.json().getJsonArray("errors").toString();
    assertTrue(
        errors.contains("\"username\"")
            && errors.contains("\"email\"")
            && errors.contains("\"password\""),
        errors);
  }

  @Test
  void aBodyOverOneMebibyteIsRefusedWith413(Api api) {
    String huge = "{\"username\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
    assertProblem(api.post("/api/v1/auth/register", huge), 413, "MALFORMED_REQUEST");
  }

  @Test
  void theWrongContentTypeIs415(Api api) {
    assertProblem(
        api.post(
            "/api/v1/auth/login",
            "username=a&password=b",
            "Content-Type",
            "application/x-www-form-urlencoded"),
        415,
        "MALFORMED_REQUEST");
  }

  @Test
  void unknownPathsAndMethodsAreProblemsToo(Api api) {
    assertProblem(api.get("/api/v1/no-such-thing"), 404, "NOT_FOUND");
    assertProblem(api.get("/api/v2/ping"), 404, "NOT_FOUND");
    assertProblem(api.put("/api/v1/auth/login", "{}"), 405, "METHOD_NOT_ALLOWED");
  }

  @Test
  void injectionStringsAreJustWrongInput(Api api) {
    String injection = "x' OR '1'='1'; DROP TABLE TB_USER; --";
    assertProblem(
        api.post("/api/v1/auth/register", registration(injection)), 400, "VALIDATION_FAILED");
    assertProblem(
        api.post("/api/v1/auth/login", Api.json("username", injection, "password", injection)),
        401,
        "UNAUTHENTICATED");
    assertProblem(
        api.post("/api/v1/auth/register", registration("<script>alert(1)</script>")),
        400,
        "VALIDATION_FAILED");
    Trader stillThere = Trader.register(api);
    assertEquals(200, stillThere.ping(stillThere.firstKey).status(), "the user table is intact");
  }

  @Test
  void aKeyInTheQueryStringIsRefusedAndNeverLogged(Api api) {
    Trader trader = Trader.register(api);
    assertProblem(api.get("/api/v1/ping?apikey=" + trader.firstKey), 400, "API_KEY_IN_URL");
    assertProblem(
        api.get("/api/v1/ping?APIKEY=" + trader.firstKey, "X-API-Key", trader.firstKey),
        400,
        "API_KEY_IN_URL");
  }

  @Test
  void noCredentialsIsUnauthenticated(Api api) {
    assertProblem(api.get("/api/v1/ping"), 401, "UNAUTHENTICATED");
    assertProblem(api.get("/api/v1/keys"), 401, "UNAUTHENTICATED");
    assertProblem(
        api.get("/api/v1/ping", "X-API-Key", "tb_live_not-a-key"), 401, "UNAUTHENTICATED");
  }
}
