package io.tradebridge.brokers.upstox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tradebridge.market.control.Instrument;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpstoxInstrumentsTest {

  /** Three rows as Upstox's NSE.json.gz has them, and one of a segment we do not trade. */
  private static final String FILE =
      "[{\"segment\":\"NSE_EQ\",\"name\":\"STATE BANK OF INDIA\",\"exchange\":\"NSE\","
          + "\"isin\":\"INE062A01020\",\"instrument_type\":\"EQ\","
          + "\"instrument_key\":\"NSE_EQ|INE062A01020\",\"lot_size\":1,\"freeze_quantity\":100000.0,"
          + "\"exchange_token\":\"3045\",\"tick_size\":5.0,\"trading_symbol\":\"SBIN\"},"
          + "{\"segment\":\"NSE_FO\",\"name\":\"BANKNIFTY\",\"exchange\":\"NSE\",\"expiry\":1782325800000,"
          + "\"instrument_type\":\"FUT\",\"underlying_symbol\":\"BANKNIFTY\","
          + "\"instrument_key\":\"NSE_FO|47567\",\"lot_size\":30,\"freeze_quantity\":900.0,"
          + "\"tick_size\":20.0,\"trading_symbol\":\"BANKNIFTY FUT 25 JUN 26\",\"strike_price\":0.0},"
          + "{\"segment\":\"NSE_FO\",\"name\":\"NIFTY\",\"exchange\":\"NSE\",\"expiry\":1782325800000,"
          + "\"instrument_type\":\"CE\",\"underlying_symbol\":\"NIFTY\","
          + "\"instrument_key\":\"NSE_FO|50001\",\"lot_size\":75,\"tick_size\":5.0,"
          + "\"trading_symbol\":\"NIFTY 24000 CE 25 JUN 26\",\"strike_price\":24000.0},"
          + "{\"segment\":\"NSE_INDEX\",\"name\":\"Nifty 50\",\"exchange\":\"NSE\","
          + "\"instrument_key\":\"NSE_INDEX|Nifty 50\",\"trading_symbol\":\"NIFTY\"}]";

  private static Map<String, UpstoxInstruments.Listed> read() {
    return UpstoxInstruments.read(new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anEquityKeepsItsSymbolAndItsTickSizeIsReadFromPaise() {
    UpstoxInstruments.Listed sbin = read().get("NSE:SBIN");
    assertEquals("NSE_EQ|INE062A01020", sbin.instrumentKey());
    Instrument instrument = sbin.instrument();
    assertEquals(new BigDecimal("0.05"), instrument.tickSize());
    assertEquals(1, instrument.lotSize());
    assertEquals(100000, instrument.freezeQuantity());
  }

  @Test
  void futuresAndOptionsGetOurBrokerIndependentSymbolsOnNfo() {
    Map<String, UpstoxInstruments.Listed> all = read();
    UpstoxInstruments.Listed future = all.get("NFO:BANKNIFTY_25-JUN-2026_FUT");
    assertEquals("NSE_FO|47567", future.instrumentKey());
    assertEquals(30, future.instrument().lotSize());
    assertEquals(new BigDecimal("0.20"), future.instrument().tickSize());
    assertEquals("NSE_FO|50001", all.get("NFO:NIFTY_25-JUN-2026_24000_CE").instrumentKey());
  }

  @Test
  void segmentsWeDoNotTradeAreLeftOut() {
    Map<String, UpstoxInstruments.Listed> all = read();
    assertEquals(3, all.size(), all.keySet().toString());
    assertNull(all.get("NSE:NIFTY"));
  }

  @Test
  void eachOfOurExchangesIsInTheFileUpstoxPublishesItIn() {
    assertEquals("NSE", UpstoxInstruments.fileOf("NFO"));
    assertEquals("NSE", UpstoxInstruments.fileOf("CDS"));
    assertEquals("BSE", UpstoxInstruments.fileOf("BFO"));
    assertEquals("MCX", UpstoxInstruments.fileOf("MCX"));
  }

  @Test
  void anInstrumentKeyNamesOurExchangeBySegment() {
    assertEquals("NSE", UpstoxInstruments.exchangeOfKey("NSE_EQ|INE062A01020"));
    assertEquals("NFO", UpstoxInstruments.exchangeOfKey("NSE_FO|47567"));
    assertEquals("MCX", UpstoxInstruments.exchangeOfKey("MCX_FO|1234"));
    assertNull(UpstoxInstruments.exchangeOfKey("NSE_INDEX|Nifty 50"));
  }
}
