package io.tradebridge.excel.entity;

/**
 * One cell as the workbook stores it, before any interpretation: what kind it is and its raw text
 * (for numbers, the exact stored value, never the displayed rounding). Formulas appear as their
 * cached result.
 */
public record CellValue(Kind kind, String raw) {

  public enum Kind {
    TEXT,
    NUMBER,
    DATE,
    BOOLEAN,
    ERROR
  }

  public static CellValue text(String raw) {
    return new CellValue(Kind.TEXT, raw);
  }

  public static CellValue number(String raw) {
    return new CellValue(Kind.NUMBER, raw);
  }

  public boolean isBlank() {
    return raw == null || raw.isBlank();
  }
}
