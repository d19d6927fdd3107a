package io.tradebridge.inserver;

import io.tradebridge.crypto.boundary.Vault;
import java.io.File;
import java.net.URISyntaxException;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The business components deployed as production deploys them: the EJB module's own jar (with its
 * persistence unit and bundled data) in WEB-INF/lib, plus its libraries and the test classes.
 */
final class Deployments {

  private Deployments() {}

  static WebArchive businessComponents(String name) {
    return ShrinkWrap.create(WebArchive.class, name + ".war")
        .addAsLibrary(archiveOf(Vault.class, "tradebridge-ejb.jar"))
        .addAsLibrary(archiveOf(com.google.zxing.BarcodeFormat.class, "zxing-core.jar"))
        .addAsLibrary(archiveOf(dev.samstevens.totp.code.CodeGenerator.class, "totp.jar"))
        .addAsLibrary(archiveOf(org.apache.commons.codec.binary.Base32.class, "commons-codec.jar"))
        .addAsLibrary(archiveOf(inet.ipaddr.IPAddress.class, "ipaddress.jar"))
        // The paper exchange prices its options with it, and the stream's desk opens the exchange.
        .addAsLibrary(
            archiveOf(
                org.apache.commons.math3.distribution.NormalDistribution.class,
                "commons-math3.jar"))
        // The schema's migrations (DatabaseSchema) and what Flyway needs to run them.
        .addAsLibrary(archiveOf(org.flywaydb.core.Flyway.class, "flyway-core.jar"))
        .addAsLibrary(
            archiveOf(
                org.flywaydb.database.derby.DerbyDatabaseType.class, "flyway-database-derby.jar"))
        .addAsLibrary(
            archiveOf(
                org.flywaydb.database.postgresql.PostgreSQLDatabaseType.class,
                "flyway-database-postgresql.jar"))
        .addAsLibrary(archiveOf(tools.jackson.databind.ObjectMapper.class, "jackson-databind.jar"))
        .addAsLibrary(archiveOf(tools.jackson.core.JsonParser.class, "jackson-core.jar"))
        .addAsLibrary(
            archiveOf(
                com.fasterxml.jackson.annotation.JsonProperty.class, "jackson-annotations.jar"))
        .addPackage(Deployments.class.getPackage());
  }

  /** The jar (or, in an IDE, the classes folder) a class was loaded from. */
  private static JavaArchive archiveOf(Class<?> type, String name) {
    try {
      File source = new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      return source.isDirectory()
          ? ShrinkWrap.create(ExplodedImporter.class, name)
              .importDirectory(source)
              .as(JavaArchive.class)
          : ShrinkWrap.create(ZipImporter.class, name).importFrom(source).as(JavaArchive.class);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
