/** Rows, cells, columns and results of an order workbook. */
package io.tradebridge.excel.entity;
