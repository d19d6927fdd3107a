package io.tradebridge.excel.control;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Numbers as traders type them into text cells: " 1,000 ", "250.5", "1e3"; nothing else. */
final class Numbers {

  private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{2,3})+(\\.\\d+)?");

  private Numbers() {}

  /** The number, or null when the text is not one. */
  static BigDecimal parse(String raw) {
    if (raw == null) {
      return null;
    }
    String text = raw.replace('\u00a0', ' ').strip();
    if (GROUPED.matcher(text).matches()) {
      // Thousands separators, Western (1,000,000) or Indian (10,00,000) grouping.
      text = text.replace(",", "");
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }
}
