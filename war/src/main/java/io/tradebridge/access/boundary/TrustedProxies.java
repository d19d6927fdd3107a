package io.tradebridge.access.boundary;

import io.tradebridge.access.entity.IpAllowlist;
import io.tradebridge.common.control.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The proxies {@code TRADEBRIDGE_TRUSTED_PROXIES} lists, whose X-Forwarded-For and
 * X-Forwarded-Proto are believed. Parsed once: every request asks (for its address, and whether it
 * came over HTTPS).
 */
@ApplicationScoped
public class TrustedProxies {

  @Inject Settings settings;
  private volatile IpAllowlist parsed;
  private volatile boolean none;

  public TrustedProxies() {}

  private TrustedProxies(List<String> entries) {
    none = entries.isEmpty();
    parsed = IpAllowlist.of(entries);
  }

  /** For tests and callers outside CDI. */
  static TrustedProxies of(List<String> entries) {
    return new TrustedProxies(entries);
  }

  /** Whether this peer is one of the listed proxies; false for everyone when none is listed. */
  public boolean trust(String peer) {
    IpAllowlist list = parsed;
    if (list == null) {
      List<String> entries = settings.trustedProxies();
      none = entries.isEmpty();
      list = IpAllowlist.of(entries);
      parsed = list;
    }
    return !none && list.allows(peer);
  }
}
