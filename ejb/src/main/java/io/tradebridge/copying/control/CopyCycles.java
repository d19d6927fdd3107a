package io.tradebridge.copying.control;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loop protection: a rule whose children lead back to its master, directly or through other rules
 * (A copies to B, B to C, C to A), would copy one order round and round for ever. Account names
 * compare regardless of case, as pseudo accounts do.
 */
public final class CopyCycles {

  private CopyCycles() {}

  /**
   * @param others every other rule of the user: master → its children
   * @return the account through which the new rule would come back to its master, if it would
   */
  public static Optional<String> loopThrough(
      Map<String, Set<String>> others, String master, Set<String> children) {
    String home = key(master);
    for (String child : children) {
      Deque<String> todo = new ArrayDeque<>();
      Set<String> seen = new HashSet<>();
      todo.push(key(child));
      while (!todo.isEmpty()) {
        String at = todo.pop();
        if (at.equals(home)) {
          return Optional.of(child);
        }
        if (!seen.add(at)) {
          continue;
        }
        others.forEach(
            (m, kids) -> {
              if (key(m).equals(at)) {
                kids.forEach(k -> todo.push(key(k)));
              }
            });
      }
    }
    return Optional.empty();
  }

  private static String key(String account) {
    return account.strip().toUpperCase(Locale.ROOT);
  }
}
