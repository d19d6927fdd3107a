package io.tradebridge.brokers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class BrokerAvailabilityTest {

  @Test
  void anOpenBreakerIsLoggedOnceAsAWarningAndKitesReturnOnceAsNews() {
    Logger logger = Logger.getLogger(BrokerAvailability.class.getName());
    List<LogRecord> lines = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try {
      BrokerAvailability kite = new BrokerAvailability("Kite", "TRADEBRIDGE_KITE_API_URL");
      assertFalse(kite.answered(), "answers while all is well are not news");
      assertTrue(kite.breakerOpen());
      assertFalse(kite.breakerOpen(), "a hundred refused orders make one line, not a hundred");
      assertTrue(kite.answered());
      assertFalse(kite.answered());

      assertEquals(2, lines.size());
      assertEquals(Level.WARNING, lines.get(0).getLevel());
      assertTrue(lines.get(0).getMessage().contains("circuit breaker"));
      assertEquals(Level.INFO, lines.get(1).getLevel());
    } finally {
      logger.removeHandler(handler);
    }
  }
}
