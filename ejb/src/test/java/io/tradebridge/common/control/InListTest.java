package io.tradebridge.common.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InListTest {

  @Test
  void listsArePaddedToAFewLengthsWithTheirLastValue() {
    assertEquals(List.of("a"), InList.padded(List.of("a")));
    assertEquals(List.of("a", "b", "b", "b"), InList.padded(List.of("a", "b")));
    assertEquals(16, InList.padded(IntStream.range(0, 5).boxed().toList()).size());
    assertEquals(256, InList.padded(IntStream.range(0, 200).boxed().toList()).size());
  }

  @Test
  void longListsAreSlicedAndEveryValueIsKept() {
    List<Integer> values = IntStream.range(0, 600).boxed().toList();
    List<List<Integer>> slices = InList.slices(values);
    assertEquals(List.of(256, 256, 256), slices.stream().map(List::size).toList());
    assertEquals(values, slices.stream().flatMap(List::stream).distinct().toList());
  }
}
