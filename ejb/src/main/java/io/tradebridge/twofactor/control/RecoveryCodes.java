package io.tradebridge.twofactor.control;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Ten single-use recovery codes of 50 random bits each, written {@code abcde-fghij} in base32 so
 * they survive being read aloud or copied by hand. Typed codes are normalised (case, dash, spaces).
 */
public final class RecoveryCodes {

  public static final int COUNT = 10;
  private static final Pattern NORMALISED = Pattern.compile("[a-z2-7]{10}");

  private RecoveryCodes() {}

  public static List<String> generate(SecureRandom random) {
    List<String> codes = new ArrayList<>(COUNT);
    for (int i = 0; i < COUNT; i++) {
      byte[] bytes = new byte[7];
      random.nextBytes(bytes);
      String code = Base32.encode(bytes).substring(0, 10).toLowerCase(Locale.ROOT);
      codes.add(code.substring(0, 5) + "-" + code.substring(5));
    }
    return codes;
  }

  /** The canonical form that is digested, or null when the text cannot be a recovery code. */
  public static String normalise(String typed) {
    if (typed == null) {
      return null;
    }
    String s = typed.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    return NORMALISED.matcher(s).matches() ? s : null;
  }

  public static boolean looksLikeTotp(String code) {
    return code != null && code.length() == TotpAlgorithm.DIGITS && code.chars().allMatch(Character::isDigit);
  }
}
