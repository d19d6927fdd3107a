package io.tradebridge.web.health;

import io.tradebridge.crypto.boundary.Vault;
import io.tradebridge.database.boundary.DatabaseSchema;
import io.tradebridge.database.boundary.MasterKeyCheck;
import io.tradebridge.sso.control.SsoSettings;
import io.tradebridge.users.boundary.AdminSetup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Checks the configuration and loads (or on first start creates) the master key while the
 * application starts, not on the first request. A configuration that would run unsafely stops the
 * server here, saying why, instead of serving with a hole in it.
 */
@ApplicationScoped
public class Startup {

  private static final Logger LOG = Logger.getLogger(Startup.class.getName());

  /** sysexits.h EX_CONFIG: a service manager can tell "fix the settings" from a crash. */
  static final int EXIT_CONFIGURATION = 78;

  @Inject Vault vault;
  @Inject SsoSettings ssoSettings;
  @Inject LauncherWatch launcherWatch;
  @Inject AdminSetup adminSetup;
  @Inject DatabaseSchema schema;
  @Inject MasterKeyCheck masterKeyCheck;
  @Inject io.tradebridge.market.boundary.MarketSession marketSession;
  @Inject io.tradebridge.market.boundary.PaperExchange paperExchange;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    launcherWatch.watch();
    List<String> refusals = ssoSettings.refusals();
    if (!refusals.isEmpty()) {
      refuse(refusals);
    }
    schema.refusal().ifPresent(why -> refuse(List.of(why)));
    // The paper market's settings (hours, holidays, extra instruments): a bad one stops the start
    // naming the setting, the file and the line, not at the first order.
    List<String> market =
        java.util.stream.Stream.of(marketSession.refusal(), paperExchange.refusal())
            .flatMap(java.util.Optional::stream)
            .toList();
    if (!market.isEmpty()) {
      refuse(market);
    }
    if (vault.ready()) {
      LOG.info("Tradebridge master key loaded");
    }
    if (masterKeyCheck.compare(vault.masterKeyCheckValue())
        instanceof MasterKeyCheck.Outcome.Differs) {
      refuse(
          List.of(
              "its master key is not the one this database's secrets were sealed with. Start it with"
                  + " the same TRADEBRIDGE_MASTER_KEY (or master.key) as the server that first used"
                  + " this database; every server sharing a database needs the same key"));
    }
    if (ssoSettings.retiredAdminsVariableSet()) {
      LOG.warning(
          "TRADEBRIDGE_ADMINS is ignored: a listed name made whoever registered it first an administrator."
              + " The first administrator now claims the role with the setup token in the data folder; later ones are"
              + " granted by an administrator (README, \"Administrators\").");
    }
    adminSetup.prepare();
  }

  private static void refuse(List<String> refusals) {
    String why = "Tradebridge refuses to start: " + String.join("; ", refusals);
    LOG.severe(why);
    // Exit from another thread: this one is Liberty's deployment thread, which the shutdown waits
    // for.
    Thread exit = new Thread(() -> System.exit(EXIT_CONFIGURATION), "tradebridge-refuse-start");
    exit.setDaemon(true);
    exit.start();
    throw new IllegalStateException(why);
  }
}
