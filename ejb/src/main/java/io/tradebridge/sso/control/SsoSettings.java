package io.tradebridge.sso.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;

/**
 * Where single sign-on tokens come from. Each setting is a {@code TRADEBRIDGE_SSO_*} environment
 * variable; the MicroProfile JWT names ({@code mp.jwt.verify.issuer}, {@code mp.jwt.verify.audiences},
 * {@code mp.jwt.verify.publickey}, {@code mp.jwt.verify.publickey.location}) are read when ours are
 * not set, so a configuration written for any MicroProfile server works here too. Without an issuer
 * and a key (or a JWKS URL) single sign-on is off and every Bearer token is refused.
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
  private Set<String> localAdmins;
  private int clockSkewSeconds;
  private int stepUpMaxAgeSeconds;

  @PostConstruct
  void resolve() {
    issuer = first("TRADEBRIDGE_SSO_ISSUER", "mp.jwt.verify.issuer").orElse(null);
    audiences = first("TRADEBRIDGE_SSO_AUDIENCE", "mp.jwt.verify.audiences").map(SsoSettings::list).orElse(List.of());
    publicKey = first("TRADEBRIDGE_SSO_PUBLIC_KEY", "mp.jwt.verify.publickey").orElse(null);
    publicKeyLocation = first("TRADEBRIDGE_SSO_JWKS_URL", "mp.jwt.verify.publickey.location").orElse(null);
    traderGroup = first("TRADEBRIDGE_SSO_TRADER_GROUP").orElse("trader");
    adminGroup = first("TRADEBRIDGE_SSO_ADMIN_GROUP").orElse("admin");
    localAdmins = first("TRADEBRIDGE_ADMINS").map(SsoSettings::list).orElse(List.of()).stream()
        .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    clockSkewSeconds = first("TRADEBRIDGE_SSO_CLOCK_SKEW_SECONDS").map(Integer::parseInt).orElse(30);
    stepUpMaxAgeSeconds = first("TRADEBRIDGE_SSO_STEP_UP_SECONDS").map(Integer::parseInt).orElse(300);
  }

  private Optional<String> first(String... names) {
    return Stream.of(names).map(name -> config.getOptionalValue(name, String.class))
        .flatMap(Optional::stream).map(String::strip).filter(v -> !v.isEmpty()).findFirst();
  }

  private static List<String> list(String commaSeparated) {
    return Stream.of(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  public boolean configured() {
    return issuer != null && (publicKey != null || publicKeyLocation != null);
  }

  public String issuer() {
    return issuer;
  }

  /** Empty means the audience is not checked (MicroProfile JWT's rule when none is configured). */
  public List<String> audiences() {
    return audiences;
  }

  /** A PEM public key, or a JWKS document, given inline. */
  public Optional<String> publicKey() {
    return Optional.ofNullable(publicKey);
  }

  /** An http(s) URL of a JWKS (refreshed when an unknown key id arrives), or a file with a PEM key or JWKS. */
  public Optional<String> publicKeyLocation() {
    return Optional.ofNullable(publicKeyLocation);
  }

  public String traderGroup() {
    return traderGroup;
  }

  public String adminGroup() {
    return adminGroup;
  }

  /** Usernames of password accounts that may administer users, for servers without single sign-on. */
  public boolean isLocalAdmin(String username) {
    return localAdmins.contains(username.toLowerCase(Locale.ROOT));
  }

  public int clockSkewSeconds() {
    return clockSkewSeconds;
  }

  public int stepUpMaxAgeSeconds() {
    return stepUpMaxAgeSeconds;
  }
}
