package io.tradebridge.sso.control;

import io.tradebridge.sso.control.TokenRejected.Reason;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Verifies a single sign-on token the way MicroProfile JWT does: a JWS signed with an asymmetric
 * algorithm (never {@code none}, never HMAC, so a public key cannot be used as a shared secret), by
 * the configured key or a key of the configured JWKS, from the configured issuer, for one of the
 * configured audiences, within its times. Everything wrong ends in {@link TokenRejected}, quietly:
 * a stream of forged tokens costs a log line for none of them.
 */
@ApplicationScoped
public class TokenVerifier {

  private static final Logger LOG = Logger.getLogger(TokenVerifier.class.getName());
  private static final String[] ALGORITHMS = {
      AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384,
      AlgorithmIdentifiers.RSA_USING_SHA512, AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
      AlgorithmIdentifiers.RSA_PSS_USING_SHA384, AlgorithmIdentifiers.RSA_PSS_USING_SHA512,
      AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
      AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512};
  private static final long KEYS_WARNING_EVERY_MILLIS = 60_000;

  @Inject SsoSettings settings;

  private JwtConsumer consumer;
  private volatile long lastKeysWarning;

  @PostConstruct
  void build() {
    if (!settings.configured() || !settings.refusals().isEmpty()) {
      return; // the server refuses to start with the refusals (web.health.Startup)
    }
    JwtConsumerBuilder builder = new JwtConsumerBuilder()
        .setRequireExpirationTime()
        .setRequireSubject()
        .setAllowedClockSkewInSeconds(settings.clockSkewSeconds())
        .setExpectedIssuer(settings.issuer())
        .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, ALGORITHMS);
    builder.setExpectedAudience(settings.audiences().toArray(String[]::new));
    try {
      configureKeys(builder);
    } catch (IOException | JoseException | InvalidKeySpecException | IllegalArgumentException e) {
      // A broken key setting must not stop the server; it stops single sign-on, and says why once.
      LOG.log(Level.SEVERE, "Single sign-on is off: its public key setting cannot be read ({0})", e.getMessage());
      return;
    }
    consumer = builder.build();
  }

  private void configureKeys(JwtConsumerBuilder builder) throws IOException, JoseException, InvalidKeySpecException {
    String location = settings.publicKeyLocation().orElse(null);
    if (location != null && (location.startsWith("https://") || location.startsWith("http://"))) {
      builder.setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(location)));
      return;
    }
    String text = location != null ? Files.readString(Path.of(location.replaceFirst("^file:", "")))
        : settings.publicKey().orElseThrow();
    if (text.strip().startsWith("{")) {
      builder.setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(text).getJsonWebKeys()));
    } else {
      builder.setVerificationKey(pemPublicKey(text));
    }
  }

  static PublicKey pemPublicKey(String pem) throws InvalidKeySpecException {
    String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getDecoder().decode(base64));
    for (String algorithm : List.of("RSA", "EC")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePublic(spec);
      } catch (InvalidKeySpecException tryNext) {
        // not this kind of key
      } catch (java.security.NoSuchAlgorithmException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
    throw new InvalidKeySpecException("not an RSA or EC public key in PEM (BEGIN PUBLIC KEY)");
  }

  public boolean enabled() {
    return consumer != null;
  }

  public VerifiedToken verify(String token) throws TokenRejected {
    if (consumer == null) {
      throw new TokenRejected(Reason.NOT_CONFIGURED);
    }
    if (token.length() > SsoSettings.MAX_TOKEN_CHARS) {
      throw new TokenRejected(Reason.OVERSIZED);
    }
    JwtClaims claims;
    try {
      claims = consumer.processToClaims(token);
    } catch (InvalidJwtException e) {
      throw new TokenRejected(reasonOf(e));
    }
    try {
      return toVerified(claims);
    } catch (MalformedClaimException e) {
      throw new TokenRejected(Reason.CLAIMS);
    }
  }

  private Reason reasonOf(InvalidJwtException e) {
    if (e.hasExpired()) {
      return Reason.EXPIRED;
    } else if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID) || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
      return Reason.NOT_YET_VALID;
    } else if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
      return Reason.ISSUER;
    } else if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
      return Reason.AUDIENCE;
    } else if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
      return Reason.SIGNATURE;
    } else if (e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING) || mentions(e, "not a permitted algorithm")) {
      return Reason.ALGORITHM;
    } else if (causedBy(e, UnresolvableKeyException.class)) {
      warnAboutKeys(e);
      return Reason.SIGNATURE;
    } else if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING) || e.hasErrorCode(ErrorCodes.SUBJECT_MISSING)
        || e.hasErrorCode(ErrorCodes.MALFORMED_CLAIM)) {
      return Reason.CLAIMS;
    }
    return Reason.MALFORMED;
  }

  /** An unknown key id is normal for a forged token; a JWKS that cannot be fetched is the operator's problem. */
  private void warnAboutKeys(InvalidJwtException e) {
    long now = System.currentTimeMillis();
    if (causedBy(e, IOException.class) && now - lastKeysWarning > KEYS_WARNING_EVERY_MILLIS) {
      lastKeysWarning = now;
      LOG.warning("Single sign-on: the identity provider's keys could not be fetched from "
          + settings.publicKeyLocation().orElse("?") + "; tokens are refused until they can be");
    }
  }

  private static boolean mentions(Throwable e, String words) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(words)) {
        return true;
      }
    }
    return false;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static VerifiedToken toVerified(JwtClaims claims) throws MalformedClaimException {
    String email = text(claims, "email");
    String username = firstNonBlank(text(claims, "upn"), text(claims, "preferred_username"), email);
    Set<String> groups = new LinkedHashSet<>();
    if (claims.hasClaim("groups")) {
      if (claims.isClaimValueStringList("groups")) {
        groups.addAll(claims.getStringListClaimValue("groups"));
      } else {
        groups.add(claims.getStringClaimValue("groups"));
      }
    }
    Object authTime = claims.getClaimValue("auth_time");
    return new VerifiedToken(claims.getIssuer(), claims.getSubject(), username, email, Set.copyOf(groups),
        authTime instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : null);
  }

  private static String text(JwtClaims claims, String name) throws MalformedClaimException {
    return claims.hasClaim(name) ? claims.getStringClaimValue(name) : null;
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }
}
