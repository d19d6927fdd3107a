package io.tradebridge.common.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Values for a query's {@code IN} list, padded to one of a few lengths by repeating the last value.
 * Derby compiles and caches a plan per statement text, and every list length is another text: a
 * batch of 7 and one of 9 would each pay a compilation. Repeating a value does not change what
 * {@code IN} matches.
 */
public final class InList {

  private static final int[] LENGTHS = {1, 4, 16, 64, 256};

  /** The longest list one statement takes; longer ones go in slices of this. */
  public static final int MAX = LENGTHS[LENGTHS.length - 1];

  private InList() {}

  /**
   * @param values 1 to {@link #MAX} values
   */
  public static <T> List<T> padded(List<T> values) {
    if (values.isEmpty() || values.size() > MAX) {
      throw new IllegalArgumentException(
          "an IN list takes 1 to " + MAX + " values, not " + values.size());
    }
    int length = MAX;
    for (int candidate : LENGTHS) {
      if (candidate >= values.size()) {
        length = candidate;
        break;
      }
    }
    List<T> padded = new ArrayList<>(values);
    while (padded.size() < length) {
      padded.add(values.get(values.size() - 1));
    }
    return padded;
  }

  /** The values in slices of at most {@link #MAX}, each padded. */
  public static <T> List<List<T>> slices(List<T> values) {
    List<List<T>> slices = new ArrayList<>();
    for (int from = 0; from < values.size(); from += MAX) {
      slices.add(padded(values.subList(from, Math.min(values.size(), from + MAX))));
    }
    return slices;
  }
}
