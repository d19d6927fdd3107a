package io.tradebridge.excel.control;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a row that named a group says in its Message cell: each member's account, quantity and how
 * its order went — "PAPER1 10 placed; ACC2 5 placed; ACC3 skipped: …" — so that a trader sees in
 * the sheet which accounts traded, without opening the order book.
 */
public final class GroupNote {

  /** One member's order: {@code status} as a batch row's (201 placed, 202 held, else refused). */
  public record Member(String account, long quantity, int status, String problem) {}

  private GroupNote() {}

  public static String of(List<Member> members) {
    if (members.isEmpty()) {
      return "group order: no member orders";
    }
    return members.stream().map(GroupNote::one).collect(Collectors.joining("; "));
  }

  private static String one(Member m) {
    return switch (m.status()) {
      case 200, 201 -> m.account() + " " + m.quantity() + " placed";
      case 202 -> m.account() + " " + m.quantity() + " awaiting approval";
      default ->
          m.account()
              + (m.quantity() > 0 ? " " + m.quantity() : "")
              + " not placed: "
              + (m.problem() == null ? "status " + m.status() : m.problem());
    };
  }
}
