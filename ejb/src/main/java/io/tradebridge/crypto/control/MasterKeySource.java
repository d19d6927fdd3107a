package io.tradebridge.crypto.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Finds the master key: {@code TRADEBRIDGE_MASTER_KEY} when set, else {@code master.key} in the
 * data folder, generated on first start with mode 0600. The key itself is never logged or put in an
 * exception message.
 */
public final class MasterKeySource {

  public static final String FILE_NAME = "master.key";
  private static final int KEY_BYTES = 32;

  private MasterKeySource() {}

  public static byte[] load(Optional<String> fromEnvironment, Path dataDir, SecureRandom random) {
    if (fromEnvironment.isPresent() && !fromEnvironment.get().isBlank()) {
      return decode(fromEnvironment.get(), "TRADEBRIDGE_MASTER_KEY");
    }
    Path file = dataDir.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        generate(file, random);
      }
      return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the master key file " + file, e);
    }
  }

  private static void generate(Path file, SecureRandom random) throws IOException {
    Files.createDirectories(file.getParent());
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    byte[] text =
        (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
    Path temp = file.resolveSibling(FILE_NAME + ".tmp");
    Files.deleteIfExists(temp);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(temp);
    }
    Files.write(temp, text, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    try {
      // A link, not a rename: if two servers race on one data folder, the loser keeps the winner's
      // key.
      Files.createLink(file, temp);
    } catch (FileAlreadyExistsException raced) {
      // another process created it first; use theirs
    } catch (UnsupportedOperationException | IOException noHardLinks) {
      if (!Files.exists(file)) {
        Files.move(temp, file);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static byte[] decode(String base64, String where) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the master key in " + where + " is not valid base64");
    }
    if (key.length != KEY_BYTES) {
      throw new IllegalStateException(
          "the master key in " + where + " must be base64 of 32 bytes, not " + key.length);
    }
    return key;
  }
}
