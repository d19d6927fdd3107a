package io.tradebridge.sso.control;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.tradebridge.sso.control.TokenRejected.Reason;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Verifies a single sign-on token with a MicroProfile JWT implementation, SmallRye JWT's standalone
 * parser, configured from our settings (which fall back to the {@code mp.jwt.verify.*} names): a
 * JWS signed with an asymmetric algorithm (never {@code none}, never HMAC, so a public key cannot
 * be used as a shared secret), by the configured key or a key of the configured JWKS, from the
 * configured issuer, for one of the configured audiences, within its times, with a subject. The
 * rest of the code gets the MP JWT API's {@link JsonWebToken} (inside {@link VerifiedToken}).
 *
 * <p>Why the standalone parser and not Liberty's {@code mpJwt-2.1}: one URL takes a session, an API
 * key or a token, and every refusal must be our problem+json 401 without a trace; Liberty's feature
 * answers with its own 401 and writes an FFDC file per forged token. Everything wrong ends in
 * {@link TokenRejected}, quietly: a stream of forged tokens costs a log line for none of them.
 */
@ApplicationScoped
public class TokenVerifier {

  private static final Logger LOG = Logger.getLogger(TokenVerifier.class.getName());
  private static final Set<SignatureAlgorithm> ALGORITHMS =
      EnumSet.of(
          SignatureAlgorithm.RS256,
          SignatureAlgorithm.RS384,
          SignatureAlgorithm.RS512,
          SignatureAlgorithm.PS256,
          SignatureAlgorithm.PS384,
          SignatureAlgorithm.PS512,
          SignatureAlgorithm.ES256,
          SignatureAlgorithm.ES384,
          SignatureAlgorithm.ES512);
  private static final long KEYS_WARNING_EVERY_MILLIS = 60_000;

  @Inject SsoSettings settings;
  @Inject Clock clock;

  private JWTParser parser;
  private volatile long lastKeysWarning;

  @PostConstruct
  void build() {
    if (!settings.configured() || !settings.refusals().isEmpty()) {
      return; // the server refuses to start with the refusals (web.health.Startup)
    }
    JWTAuthContextInfo info = new JWTAuthContextInfo();
    info.setIssuedBy(settings.issuer());
    info.setExpectedAudience(Set.copyOf(settings.audiences()));
    info.setSignatureAlgorithm(ALGORITHMS);
    info.setClockSkew(settings.clockSkewSeconds());
    info.setRequiredClaims(Set.of("sub"));
    String location = settings.publicKeyLocation().orElse(null);
    if (location != null) {
      // A bare path is a file here (SmallRye would look it up on the class path first).
      boolean bare =
          !location.contains("://")
              && !location.startsWith("file:")
              && !location.startsWith("classpath:");
      info.setPublicKeyLocation(bare ? "file:" + location : location);
    } else {
      info.setPublicKeyContent(settings.publicKey().orElseThrow());
    }
    parser = new DefaultJWTParser(info);
  }

  public boolean enabled() {
    return parser != null;
  }

  public VerifiedToken verify(String token) throws TokenRejected {
    if (parser == null) {
      throw new TokenRejected(Reason.NOT_CONFIGURED);
    }
    if (token.length() > SsoSettings.MAX_TOKEN_CHARS) {
      throw new TokenRejected(Reason.OVERSIZED);
    }
    JsonWebToken jwt;
    try {
      jwt = parser.parse(token);
    } catch (ParseException e) {
      throw new TokenRejected(reasonOf(e));
    } catch (RuntimeException e) {
      // A key setting that cannot be read (bad PEM, unreachable file): refused, said once a minute.
      warnAboutKeys("its public key setting cannot be used (" + e.getClass().getSimpleName() + ")");
      throw new TokenRejected(Reason.KEYS_UNAVAILABLE);
    }
    if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
      throw new TokenRejected(Reason.CLAIMS);
    }
    return new VerifiedToken(jwt);
  }

  /**
   * SmallRye wraps jose4j's verdict; its error codes say what was wrong, for the metric's label.
   */
  private Reason reasonOf(ParseException e) {
    InvalidJwtException invalid = causeOf(e, InvalidJwtException.class);
    if (invalid == null) {
      if (causeOf(e, UnresolvableKeyException.class) != null) {
        if (causeOf(e, IOException.class) != null) {
          warnAboutKeys(
              "the identity provider's keys could not be fetched from "
                  + settings.publicKeyLocation().orElse("?")
                  + "; tokens are refused until they can be");
          return Reason.KEYS_UNAVAILABLE;
        }
        return Reason.SIGNATURE; // an unknown key id: normal for a forged token
      }
      return mentions(e, "algorithm") ? Reason.ALGORITHM : Reason.MALFORMED;
    }
    if (invalid.hasExpired()) {
      return Reason.EXPIRED;
    } else if (invalid.hasErrorCode(ErrorCodes.NOT_YET_VALID)
        || invalid.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
      return Reason.NOT_YET_VALID;
    } else if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID)
        || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
      return Reason.ISSUER;
    } else if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)
        || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
      return Reason.AUDIENCE;
    } else if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
      return Reason.SIGNATURE;
    } else if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)
        || mentions(invalid, "not a permitted algorithm")
        || mentions(invalid, "algorithm")) {
      return Reason.ALGORITHM;
    } else if (causeOf(invalid, UnresolvableKeyException.class) != null) {
      return Reason.SIGNATURE;
    } else if (invalid.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)
        || invalid.hasErrorCode(ErrorCodes.SUBJECT_MISSING)
        || invalid.hasErrorCode(ErrorCodes.MALFORMED_CLAIM)) {
      return Reason.CLAIMS;
    }
    return Reason.MALFORMED;
  }

  private void warnAboutKeys(String why) {
    long now = clock.millis();
    if (now - lastKeysWarning > KEYS_WARNING_EVERY_MILLIS) {
      lastKeysWarning = now;
      LOG.warning("Single sign-on: " + why);
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

  private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
