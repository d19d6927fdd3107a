package io.tradebridge.brokers.kite.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KiteInstrumentsTest {

  private static final String CSV =
      "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,instrument_type,segment,exchange\n"
          + "779521,3045,SBIN,\"STATE BANK OF INDIA\",0,,0,0.05,1,EQ,NSE,NSE\n"
          + "12345678,48225,BANKNIFTY26JUNFUT,\"BANKNIFTY\",0,2026-06-25,0,0.2,30,FUT,NFO-FUT,NFO\n"
          + "12345679,48226,BANKNIFTY26JUN52000CE,\"BANKNIFTY\",0,2026-06-25,52000,0.05,30,CE,NFO-OPT,NFO\n"
          + "broken,row\n";

  @Test
  void equitiesKeepTheirSymbolAndDerivativesGetOurBrokerIndependentNames() {
    Map<String, KiteInstruments.Listed> list = KiteInstruments.read(new StringReader(CSV));

    KiteInstruments.Listed sbin = list.get("NSE:SBIN");
    assertEquals("SBIN", sbin.kiteSymbol());
    assertEquals("STATE BANK OF INDIA", sbin.instrument().name());
    assertEquals(new BigDecimal("0.05"), sbin.instrument().tickSize());

    KiteInstruments.Listed future = list.get("NFO:BANKNIFTY_25-JUN-2026_FUT");
    assertEquals("BANKNIFTY26JUNFUT", future.kiteSymbol());
    assertEquals(30, future.instrument().lotSize());

    assertEquals(
        "BANKNIFTY26JUN52000CE", list.get("NFO:BANKNIFTY_25-JUN-2026_52000_CE").kiteSymbol());
    assertEquals(3, list.size(), "the unreadable row is skipped");
    assertNull(list.get("NSE:NOSUCH"));
  }
}
