package io.tradebridge.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Stands in for a company identity provider in the tests: an RSA key made for this test run (never
 * stored), and tokens shaped like Keycloak's (upn, email, groups, auth_time). The shared server is
 * told this issuer, audience and public key; {@link KeycloakSignOnIT} uses the real thing.
 */
final class TokenMint {

  static final String ISSUER = "https://idp.tradebridge.test/realms/desk";
  static final String AUDIENCE = "tradebridge";
  private static final RsaJsonWebKey KEY = generate();
  private static final RsaJsonWebKey OTHER_KEY = generate();

  private TokenMint() {}

  private static RsaJsonWebKey generate() {
    try {
      RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
      key.setKeyId("test-" + System.nanoTime());
      return key;
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  static String publicKeyPem() {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(KEY.getPublicKey().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /** Claims a real provider would send for this person, signed in just now. */
  static JwtClaims claims(String username, String... groups) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setAudience(AUDIENCE);
    claims.setSubject("sub-" + username);
    claims.setExpirationTimeMinutesInTheFuture(10);
    claims.setIssuedAtToNow();
    claims.setNotBeforeMinutesInThePast(1);
    claims.setGeneratedJwtId();
    claims.setClaim("upn", username);
    claims.setClaim("email", username + "@desk.test");
    claims.setClaim("groups", List.of(groups));
    claims.setClaim("auth_time", NumericDate.now().getValue());
    return claims;
  }

  static String token(String username, String... groups) {
    return sign(claims(username, groups));
  }

  static String token(String username, Consumer<JwtClaims> change, String... groups) {
    JwtClaims claims = claims(username, groups);
    change.accept(claims);
    return sign(claims);
  }

  static String sign(JwtClaims claims) {
    return sign(claims, KEY);
  }

  /** Signed by a key the server does not trust, with the trusted key's id in the header. */
  static String signedByAnotherKey(JwtClaims claims) {
    OTHER_KEY.setKeyId(KEY.getKeyId());
    return sign(claims, OTHER_KEY);
  }

  /** The "alg confusion" attack: HMAC with the provider's public key as the shared secret. */
  static String hmacWithThePublicKey(JwtClaims claims) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    jws.setKey(new HmacKey(KEY.getPublicKey().getEncoded()));
    jws.setDoKeyValidation(false);
    return serialize(jws);
  }

  /** An unsigned token: {"alg":"none"}, claims, and an empty signature. */
  static String unsigned(JwtClaims claims) {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    return url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + url.encodeToString(claims.toJson().getBytes(StandardCharsets.UTF_8))
        + ".";
  }

  private static String sign(JwtClaims claims, RsaJsonWebKey key) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key.getPrivateKey());
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    return serialize(jws);
  }

  private static String serialize(JsonWebSignature jws) {
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }
}
