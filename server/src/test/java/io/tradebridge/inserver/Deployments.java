package io.tradebridge.inserver;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The business components as one micro-deployment: every feature package, the persistence unit, nothing of the web layer. */
final class Deployments {

  private Deployments() {}

  static WebArchive businessComponents(String name) {
    return ShrinkWrap.create(WebArchive.class, name + ".war")
        .addPackages(true, "io.tradebridge.common", "io.tradebridge.crypto", "io.tradebridge.users",
            "io.tradebridge.twofactor", "io.tradebridge.apikeys", "io.tradebridge.inserver", "com.google.zxing")
        .addAsResource("META-INF/persistence.xml");
  }
}
