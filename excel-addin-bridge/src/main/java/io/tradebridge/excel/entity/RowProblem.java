package io.tradebridge.excel.entity;

/**
 * Why a row cannot be sent, said the way a trader finds it in Excel: row number, column header and
 * cell reference ("row 7, Quantity (E7): must be a whole number, not 10.5").
 */
public record RowProblem(int rowNumber, String column, String cell, String message) {

  @Override
  public String toString() {
    return "row "
        + rowNumber
        + ", "
        + column
        + (cell == null ? "" : " (" + cell + ")")
        + ": "
        + message;
  }
}
