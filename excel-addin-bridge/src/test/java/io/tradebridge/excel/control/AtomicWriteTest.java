package io.tradebridge.excel.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one way the bridge replaces a workbook, and a trader's save that lands while it writes. */
class AtomicWriteTest {

  @TempDir Path folder;

  @Test
  void aSaveThatLandsWhileTheResultsAreWrittenIsKeptInTheWorkbook() throws Exception {
    Path workbook = Files.writeString(folder.resolve("orders.xlsx"), "rows 2-3");
    AtomicInteger writes = new AtomicInteger();
    // Content made from the file as it is on disk, as the streamed rewrite is; during the first
    // write the trader saves a new row (Excel too renames a finished file over the old one).
    AtomicWrite.replace(
        workbook,
        out -> {
          String onDisk = Files.readString(workbook);
          if (writes.incrementAndGet() == 1) {
            Path saved = Files.writeString(folder.resolve("excel.tmp"), "rows 2-4");
            Files.move(saved, workbook, StandardCopyOption.REPLACE_EXISTING);
          }
          out.write((onDisk + " + results").getBytes(StandardCharsets.UTF_8));
        });
    assertEquals("rows 2-4 + results", Files.readString(workbook), "the trader's row survives");
    assertEquals(2, writes.get(), "written again from the newer file");
  }

  @Test
  void aFileNobodyTouchesIsWrittenOnce() throws Exception {
    Path workbook = Files.writeString(folder.resolve("orders.xlsx"), "rows 2-3");
    AtomicInteger writes = new AtomicInteger();
    AtomicWrite.replace(
        workbook,
        out -> {
          writes.incrementAndGet();
          out.write("new".getBytes(StandardCharsets.UTF_8));
        });
    assertEquals("new", Files.readString(workbook));
    assertEquals(1, writes.get());
    try (var left = Files.list(folder)) {
      assertEquals(1, left.count(), "no temporary file left beside it");
    }
  }
}
