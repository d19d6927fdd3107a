package io.tradebridge.common.control;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.IntConsumer;

/**
 * Runs something once the current transaction has ended, with its outcome ({@code
 * jakarta.transaction.Status}).
 */
public final class AfterCompletion {

  private AfterCompletion() {}

  public static void register(TransactionSynchronizationRegistry registry, IntConsumer outcome) {
    registry.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            outcome.accept(status);
          }
        });
  }
}
