package io.tradebridge.copying.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CopyCyclesTest {

  @Test
  void aRuleWhoseChildLeadsBackToItsMasterThroughOtherRulesIsALoop() {
    Map<String, Set<String>> others = Map.of("B", Set.of("C"), "C", Set.of("a"));
    assertEquals(Optional.of("B"), CopyCycles.loopThrough(others, "A", Set.of("B")));
    assertEquals(Optional.of("c"), CopyCycles.loopThrough(others, "A", Set.of("X", "c")));
  }

  @Test
  void aChainAndATreeAreNotLoops() {
    Map<String, Set<String>> others = Map.of("B", Set.of("C", "D"), "D", Set.of("E"));
    assertEquals(Optional.empty(), CopyCycles.loopThrough(others, "A", Set.of("B")));
    assertEquals(Optional.empty(), CopyCycles.loopThrough(others, "E", Set.of("F")));
    // Rules that loop among themselves do not hang the check of another.
    assertEquals(
        Optional.empty(),
        CopyCycles.loopThrough(Map.of("X", Set.of("Y"), "Y", Set.of("X")), "A", Set.of("X")));
  }
}
