package io.tradebridge.excel.control;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that a reader sees the old version or the new one, never half of one: to a
 * temporary file beside it, flushed to disk, then renamed over it.
 */
public final class AtomicWrite {

  /** Produces the new content. */
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicWrite() {}

  public static void replace(Path target, Content content) throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
    try {
      try (var channel =
              java.nio.channels.FileChannel.open(
                  temporary, java.nio.file.StandardOpenOption.WRITE);
          OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(
            temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * A file beside another with a tag before its extension: orders.xlsx, "bak" → orders.bak.xlsx.
   */
  public static Path sibling(Path file, String tag) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String sibling =
        dot > 0 ? name.substring(0, dot) + "." + tag + name.substring(dot) : name + "." + tag;
    return file.toAbsolutePath().resolveSibling(sibling);
  }
}
