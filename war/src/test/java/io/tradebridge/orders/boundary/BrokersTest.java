package io.tradebridge.orders.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tradebridge.accounts.entity.BrokerName;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every broker a trader can choose has exactly one adapter deployed, and each says truly whether it
 * sits across a network: {@link Brokers} finds adapters by name and answers "remote?" from that
 * index, so a missing or doubled adapter would only show when a trader picked that broker.
 */
class BrokersTest {

  @Test
  void everyBrokerNameHasExactlyOneAdapterAndOnlyThePaperExchangeIsLocal() throws Exception {
    Map<BrokerName, Boolean> remoteByName = new EnumMap<>(BrokerName.class);
    for (JavaClass adapter :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tradebridge.brokers")
            .that(
                com.tngtech.archunit.base.DescribedPredicate.describe(
                    "adapters", c -> c.isAssignableTo(Broker.class) && !c.isInterface()))) {
      Broker broker = (Broker) adapter.reflect().getDeclaredConstructor().newInstance();
      Boolean earlier = remoteByName.put(broker.name(), broker.remote());
      assertEquals(
          null, earlier, "a second adapter for " + broker.name() + ": " + adapter.getName());
    }
    assertEquals(EnumSet.allOf(BrokerName.class), remoteByName.keySet());
    assertEquals(
        Set.of(BrokerName.PAPER),
        EnumSet.copyOf(
            remoteByName.entrySet().stream()
                .filter(e -> !e.getValue())
                .map(Map.Entry::getKey)
                .toList()));
  }
}
