package io.tradebridge.sso.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;

/**
 * Where single sign-on tokens come from. Each setting is a {@code TRADEBRIDGE_SSO_*} environment
 * variable; the MicroProfile JWT names ({@code mp.jwt.verify.issuer}, {@code
 * mp.jwt.verify.audiences}, {@code mp.jwt.verify.publickey}, {@code
 * mp.jwt.verify.publickey.location}) are read when ours are not set, so a configuration written for
 * any MicroProfile server works here too. Without an issuer and a key (or a JWKS URL) single
 * sign-on is off and every Bearer token is refused.
 */
@ApplicationScoped
public class SsoSettings {

  /** A token is a few hundred bytes to a few kilobytes; anything far larger is refused unparsed. */
  public static final int MAX_TOKEN_CHARS = 16 * 1024;

  @Inject Config config;

  private String issuer;
  private List<String> audiences;
  private String publicKey;
  private String publicKeyLocation;
  private String traderGroup;
  private String adminGroup;
  private boolean adminsVariableSet;
  private int clockSkewSeconds;
  private int stepUpMaxAgeSeconds;

  @PostConstruct
  void resolve() {
    issuer = first("TRADEBRIDGE_SSO_ISSUER", "mp.jwt.verify.issuer").orElse(null);
    audiences =
        first("TRADEBRIDGE_SSO_AUDIENCE", "mp.jwt.verify.audiences")
            .map(SsoSettings::list)
            .orElse(List.of());
    publicKey = first("TRADEBRIDGE_SSO_PUBLIC_KEY", "mp.jwt.verify.publickey").orElse(null);
    publicKeyLocation =
        first("TRADEBRIDGE_SSO_JWKS_URL", "mp.jwt.verify.publickey.location").orElse(null);
    traderGroup = first("TRADEBRIDGE_SSO_TRADER_GROUP").orElse("trader");
    adminGroup = first("TRADEBRIDGE_SSO_ADMIN_GROUP").orElse("admin");
    adminsVariableSet = first("TRADEBRIDGE_ADMINS").isPresent();
    clockSkewSeconds =
        first("TRADEBRIDGE_SSO_CLOCK_SKEW_SECONDS").map(Integer::parseInt).orElse(30);
    stepUpMaxAgeSeconds =
        first("TRADEBRIDGE_SSO_STEP_UP_SECONDS").map(Integer::parseInt).orElse(300);
  }

  private Optional<String> first(String... names) {
    return Stream.of(names)
        .map(name -> config.getOptionalValue(name, String.class))
        .flatMap(Optional::stream)
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .findFirst();
  }

  private static List<String> list(String commaSeparated) {
    return Stream.of(commaSeparated.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /**
   * Why this configuration must not run, empty when it may. Without an audience every token the
   * identity provider issues to any of its clients would be accepted here; a JWKS fetched over
   * plain HTTP can be swapped on the way (loopback excepted, where tests and a sidecar provider
   * live).
   */
  public List<String> refusals() {
    return refusals(issuer, audiences, publicKeyLocation);
  }

  static List<String> refusals(String issuer, List<String> audiences, String publicKeyLocation) {
    if (issuer == null) {
      return List.of();
    }
    List<String> refusals = new ArrayList<>();
    if (audiences.isEmpty()) {
      refusals.add(
          "single sign-on is configured (TRADEBRIDGE_SSO_ISSUER) without an audience: set"
              + " TRADEBRIDGE_SSO_AUDIENCE to the audience (aud) the identity provider puts in tokens for Tradebridge,"
              + " or any token it issues to any client would be accepted");
    }
    if (publicKeyLocation != null
        && publicKeyLocation.regionMatches(true, 0, "http://", 0, 7)
        && !isLoopback(publicKeyLocation)) {
      refusals.add(
          "TRADEBRIDGE_SSO_JWKS_URL must be an https URL (plain http is accepted only on loopback):"
              + " keys fetched over plain HTTP can be replaced on the way");
    }
    return refusals;
  }

  static boolean isLoopback(String url) {
    try {
      String host = URI.create(url).getHost();
      if (host == null) {
        return false;
      }
      host = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      return host.equalsIgnoreCase("localhost")
          || host.equals("::1")
          || host.matches("127(\\.\\d{1,3}){3}");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public boolean configured() {
    return issuer != null && (publicKey != null || publicKeyLocation != null);
  }

  public String issuer() {
    return issuer;
  }

  /**
   * Never empty while single sign-on is on: the server refuses to start without one ({@link
   * #refusals()}).
   */
  public List<String> audiences() {
    return audiences;
  }

  /** A PEM public key, or a JWKS document, given inline. */
  public Optional<String> publicKey() {
    return Optional.ofNullable(publicKey);
  }

  /**
   * An http(s) URL of a JWKS (refreshed when an unknown key id arrives), or a file with a PEM key
   * or JWKS.
   */
  public Optional<String> publicKeyLocation() {
    return Optional.ofNullable(publicKeyLocation);
  }

  public String traderGroup() {
    return traderGroup;
  }

  public String adminGroup() {
    return adminGroup;
  }

  /**
   * Usernames of password accounts that may administer users, for servers without single sign-on.
   */
  /**
   * Whether the retired {@code TRADEBRIDGE_ADMINS} is still set: it made whoever registered a
   * listed name first an administrator, so it is ignored now (the setup token replaces it) and the
   * server says so at start.
   */
  public boolean retiredAdminsVariableSet() {
    return adminsVariableSet;
  }

  public int clockSkewSeconds() {
    return clockSkewSeconds;
  }

  public int stepUpMaxAgeSeconds() {
    return stepUpMaxAgeSeconds;
  }
}
