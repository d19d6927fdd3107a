package io.tradebridge.web.health;

import io.tradebridge.crypto.boundary.Vault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Loads (or on first start creates) the master key while the application starts, not on the first request. */
@ApplicationScoped
public class Startup {

  private static final Logger LOG = Logger.getLogger(Startup.class.getName());

  @Inject Vault vault;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (vault.ready()) {
      LOG.info("Tradebridge master key loaded");
    }
  }
}
