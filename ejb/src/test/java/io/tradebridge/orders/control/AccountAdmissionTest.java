package io.tradebridge.orders.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tradebridge.access.entity.KeyEnvironment;
import io.tradebridge.accounts.entity.BrokerName;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.common.control.ProblemCode;
import io.tradebridge.common.control.TradebridgeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountAdmissionTest {

  @Test
  void anAccountSwitchedOffTakesNoOrderAndSaysHowToTurnItOn() {
    TradebridgeException e =
        assertThrows(
            TradebridgeException.class,
            () -> AccountAdmission.check(paper(false), KeyEnvironment.LIVE));

    assertEquals(ProblemCode.ORDER_REJECTED, e.code());
    assertEquals("account PAPER1 is not live; turn it on to trade", e.detail());
  }

  @Test
  void aTestKeyAndAPersonTradeOnALivePaperAccount() {
    assertDoesNotThrow(() -> AccountAdmission.check(paper(true), KeyEnvironment.TEST));
    assertDoesNotThrow(() -> AccountAdmission.check(paper(true), null));
  }

  private static TradingAccount paper(boolean live) {
    return new TradingAccount(
        "acc_1", "usr_1", "PAPER1", BrokerName.PAPER, "paper", live, Instant.EPOCH);
  }
}
