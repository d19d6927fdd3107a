package io.tradebridge.market.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstrumentCatalogTest {

  private static final LocalDate DAY = LocalDate.of(2026, 12, 6);

  @Test
  void anOperatorsOwnInstrumentsAreListedBesideTheBundledOnes(@TempDir Path dir) throws Exception {
    Path extra = dir.resolve("mine.csv");
    Files.writeString(
        extra,
        "# my desk's paper instruments\nNSE,ZOMATO,Zomato,1,250,100000\nNSE,SBIN,State Bank,1,900,50000\n");
    InstrumentCatalog catalog = InstrumentCatalog.bundled(DAY, extra);
    int bundled = InstrumentCatalog.bundled(DAY).all().size();
    assertEquals(bundled + 1, catalog.all().size(), "SBIN was listed already: replaced, not added");
    assertEquals("Zomato", catalog.find("NSE", "zomato").orElseThrow().name());
    assertEquals(
        0,
        new java.math.BigDecimal("900")
            .compareTo(catalog.find("NSE", "SBIN").orElseThrow().referencePrice()));
  }

  @Test
  void aBadRowStopsTheStartNamingTheFileAndLine(@TempDir Path dir) throws Exception {
    Path extra = dir.resolve("mine.csv");
    Files.writeString(extra, "NSE,OK,Fine,1,100,0\nXYZ,BAD,Unknown exchange,1,100,0\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> InstrumentCatalog.bundled(DAY, extra));
    assertTrue(e.getMessage().contains("mine.csv line 2"), e.getMessage());
    assertTrue(e.getMessage().contains("exchange XYZ"), e.getMessage());
    Files.writeString(extra, "NSE,LOT,Half a lot,1.5,100,0\n");
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> InstrumentCatalog.bundled(DAY, extra))
            .getMessage()
            .contains("lotSize '1.5' is not a whole number"));
    Files.writeString(extra, "NSE,NEG,Negative,1,-5,0\n");
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> InstrumentCatalog.bundled(DAY, extra))
            .getMessage()
            .contains("above 0"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> InstrumentCatalog.bundled(DAY, dir.resolve("missing.csv")))
            .getMessage()
            .contains("cannot be read"));
  }
}
