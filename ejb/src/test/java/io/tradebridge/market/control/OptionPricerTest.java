package io.tradebridge.market.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OptionPricerTest {

  @Test
  void aCallAndAPutAtTheSameStrikeKeepPutCallParity() {
    double s = 26_000;
    double k = 26_200;
    double t = 30 / 365.0;
    double call = OptionPricer.price(true, s, k, t).premium();
    double put = OptionPricer.price(false, s, k, t).premium();
    assertEquals(s - k * Math.exp(-OptionPricer.RATE * t), call - put, 1e-6);
  }

  @Test
  void anAtTheMoneyMonthlyNiftyCallCostsWhatBlackScholesSays() {
    // S = K = 26,000, 30 days, 13% volatility, 6.5%: Black-Scholes gives 458.75 (worked out
    // apart from this code, with the error function).
    OptionPricer.Priced atm = OptionPricer.price(true, 26_000, 26_000, 30 / 365.0);
    assertEquals(0.13, atm.volatility(), 1e-12);
    assertEquals(458.75, atm.premium(), 0.01);
    assertTrue(atm.delta() > 0.5 && atm.delta() < 0.6, "delta " + atm.delta());
    assertTrue(atm.theta() < 0, "time wears a long option away");
    assertTrue(atm.gamma() > 0 && atm.vega() > 0);
  }

  @Test
  void putsBelowTheMarketAreDearerInVolatilityThanCallsAboveIt() {
    double below = OptionPricer.volatility(26_000, 25_000);
    double above = OptionPricer.volatility(26_000, 27_000);
    assertTrue(below > OptionPricer.ATM && below > above, below + " vs " + above);
  }

  @Test
  void atExpiryAnOptionIsWorthWhatItIsWorthExercised() {
    assertEquals(300, OptionPricer.price(true, 26_300, 26_000, 0).premium(), 1e-9);
    assertEquals(0, OptionPricer.price(false, 26_300, 26_000, 0).premium(), 1e-9);
    assertEquals(-1, OptionPricer.price(false, 25_000, 26_000, 0).delta(), 1e-9);
  }
}
