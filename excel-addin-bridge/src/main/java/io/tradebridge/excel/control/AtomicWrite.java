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

  /** Times a write is made again because the target was replaced while it was being written. */
  static final int TRIES = 5;

  /**
   * Writes the content beside the target and renames it over the target. When the target itself was
   * replaced while the content was being written — the trader saved in Excel meanwhile, a rename
   * like ours — the content is written again: a streamed rewrite reads the target as it is on disk,
   * so the second write carries the trader's save and ours, where renaming the first would have
   * lost the save. (Content from memory comes out the same; nothing is lost that was not lost
   * before.) Only a save in the instant between the last look and the rename can still be
   * overwritten.
   */
  public static void replace(Path target, Content content) throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
    try {
      for (int attempt = 1; ; attempt++) {
        Object before = stamp(target);
        try (var channel =
                java.nio.channels.FileChannel.open(
                    temporary,
                    java.nio.file.StandardOpenOption.WRITE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
            OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
          content.writeTo(out);
          out.flush();
          channel.force(true);
        }
        if (attempt >= TRIES || java.util.Objects.equals(before, stamp(target))) {
          break;
        }
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

  /** What tells one version of a file from the next: its inode, time and size; null if absent. */
  private static Object stamp(Path file) {
    try {
      var attributes =
          Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
      return java.util.List.of(
          String.valueOf(attributes.fileKey()), attributes.lastModifiedTime(), attributes.size());
    } catch (IOException e) {
      return null;
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
