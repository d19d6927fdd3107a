package io.tradebridge.openalgo.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tradebridge.orders.entity.OrderStatus;
import io.tradebridge.orders.entity.OrderType;
import io.tradebridge.orders.entity.ProductType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OpenAlgoWordsTest {

  @Test
  void anOpenAlgoFuturesSymbolNamesTheSameContractAsOurs() {
    assertEquals("NIFTY_29-DEC-2026_FUT", OpenAlgoWords.ourSymbol("NIFTY29DEC26FUT"));
    assertEquals("BANKNIFTY_26-JAN-2027_FUT", OpenAlgoWords.ourSymbol("banknifty26jan27fut"));
    assertEquals("NIFTY29DEC26FUT", OpenAlgoWords.openAlgoSymbol("NIFTY_29-DEC-2026_FUT"));
    assertEquals("SBIN", OpenAlgoWords.ourSymbol(" sbin "));
    assertEquals("M&M", OpenAlgoWords.openAlgoSymbol("M&M"));
  }

  @Test
  void openAlgosOrderWordsMapOntoOursAndBack() {
    assertEquals(OrderType.STOP_LOSS, OpenAlgoWords.orderType("SL"));
    assertEquals(OrderType.SL_MARKET, OpenAlgoWords.orderType("SL-M"));
    assertEquals("SL-M", OpenAlgoWords.pricetype(OrderType.SL_MARKET));
    assertEquals(ProductType.INTRADAY, OpenAlgoWords.productType("MIS"));
    assertEquals(ProductType.DELIVERY, OpenAlgoWords.productType("CNC"));
    assertEquals("NRML", OpenAlgoWords.product(ProductType.NORMAL));
    assertEquals("trigger pending", OpenAlgoWords.orderStatus(OrderStatus.TRIGGER_PENDING));
    assertEquals("open", OpenAlgoWords.orderStatus(OrderStatus.PENDING));
    assertEquals("zerodha", OpenAlgoWords.broker("KITE"));
  }

  @Test
  void timesArePrintedInIndianStandardTimeAsOpenAlgoPrintsThem() {
    Instant at = Instant.parse("2025-08-28T04:29:10Z");
    assertEquals("28-Aug-2025 09:59:10", OpenAlgoWords.timestamp(at));
    assertEquals("09:59:10", OpenAlgoWords.time(at));
  }
}
