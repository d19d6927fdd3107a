package io.tradebridge.market.control;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * European index options priced with Black–Scholes over the paper market's underlying, with a
 * volatility smile: out-of-the-money puts dearer than calls, as NIFTY's are. The paper exchange
 * quotes premiums from it, and the option chain shows its greeks.
 *
 * <p>Volatility at strike K for an underlying at S: {@code ATM + SKEW·ln(K/S) + CURVE·ln(K/S)²},
 * never below {@link #FLOOR}. The constants put NIFTY's at-the-money volatility near its usual 13%.
 */
public final class OptionPricer {

  /** At-the-money volatility, a year. */
  static final double ATM = 0.13;

  /** Volatility falls as the strike rises (puts below the market are dearer). */
  static final double SKEW = -0.25;

  static final double CURVE = 1.5;
  static final double FLOOR = 0.05;

  /** The risk-free rate (India's short rates, about 6.5%). */
  static final double RATE = 0.065;

  private static final NormalDistribution N = new NormalDistribution();

  private OptionPricer() {}

  /** Premium and greeks; theta is per calendar day, vega per volatility point (1%). */
  public record Priced(
      double premium, double volatility, double delta, double gamma, double theta, double vega) {}

  public static double volatility(double underlying, double strike) {
    double m = Math.log(strike / underlying);
    return Math.max(FLOOR, ATM + SKEW * m + CURVE * m * m);
  }

  /**
   * @param call a call (CE) or a put (PE)
   * @param years time to expiry in years; at or below zero the option is worth what it is worth
   *     exercised now
   */
  public static Priced price(boolean call, double underlying, double strike, double years) {
    double sigma = volatility(underlying, strike);
    if (years <= 0) {
      double intrinsic = call ? Math.max(0, underlying - strike) : Math.max(0, strike - underlying);
      double delta = intrinsic > 0 ? (call ? 1 : -1) : 0;
      return new Priced(intrinsic, sigma, delta, 0, 0, 0);
    }
    double sqrtT = Math.sqrt(years);
    double d1 =
        (Math.log(underlying / strike) + (RATE + sigma * sigma / 2) * years) / (sigma * sqrtT);
    double d2 = d1 - sigma * sqrtT;
    double discount = Math.exp(-RATE * years);
    double pdf = N.density(d1);
    double premium;
    double delta;
    double theta;
    if (call) {
      premium =
          underlying * N.cumulativeProbability(d1)
              - strike * discount * N.cumulativeProbability(d2);
      delta = N.cumulativeProbability(d1);
      theta =
          -underlying * pdf * sigma / (2 * sqrtT)
              - RATE * strike * discount * N.cumulativeProbability(d2);
    } else {
      premium =
          strike * discount * N.cumulativeProbability(-d2)
              - underlying * N.cumulativeProbability(-d1);
      delta = N.cumulativeProbability(d1) - 1;
      theta =
          -underlying * pdf * sigma / (2 * sqrtT)
              + RATE * strike * discount * N.cumulativeProbability(-d2);
    }
    double gamma = pdf / (underlying * sigma * sqrtT);
    double vega = underlying * pdf * sqrtT / 100;
    return new Priced(Math.max(0, premium), sigma, delta, gamma, theta / 365, vega);
  }
}
