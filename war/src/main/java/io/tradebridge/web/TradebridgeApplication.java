package io.tradebridge.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** Everything under /api is JAX-RS, so that unknown paths there get problem+json too. */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Tradebridge API",
            version = "v1",
            description =
                "A self-hosted trading bridge. Programs call it with an API key (header X-API-Key, never in a URL);"
                    + " a person signs in for a session cookie and sends X-CSRF-Token on every write, or sends a single sign-on"
                    + " token (Authorization: Bearer) from the company identity provider. Every error is"
                    + " application/problem+json with a code from the table in API.md. Orders take a clientOrderId (or an"
                    + " Idempotency-Key header): sending the same order again returns the first answer and places nothing."))
@SecuritySchemes({
  @SecurityScheme(
      securitySchemeName = "apiKey",
      type = SecuritySchemeType.APIKEY,
      in = SecuritySchemeIn.HEADER,
      apiKeyName = "X-API-Key",
      description = "tb_live_… or tb_test_…: 46 characters with a checksum"),
  @SecurityScheme(
      securitySchemeName = "session",
      type = SecuritySchemeType.APIKEY,
      in = SecuritySchemeIn.COOKIE,
      apiKeyName = "TB_SESSION",
      description = "from POST /api/v1/auth/login; writes also need X-CSRF-Token"),
  @SecurityScheme(
      securitySchemeName = "sso",
      type = SecuritySchemeType.HTTP,
      scheme = "bearer",
      bearerFormat = "JWT",
      description =
          "a token from the company identity provider (TRADEBRIDGE_SSO_*), accepted wherever a session is")
})
public class TradebridgeApplication extends Application {}
