/** Reading, checking, submitting and rewriting order workbooks (POI), never sending a row twice. */
package io.tradebridge.excel.control;
