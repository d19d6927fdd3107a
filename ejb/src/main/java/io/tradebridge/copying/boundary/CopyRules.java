package io.tradebridge.copying.boundary;

import io.tradebridge.accounts.boundary.TradingAccounts;
import io.tradebridge.common.control.FieldChecks;
import io.tradebridge.common.control.Ids;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.copying.control.CopyCycles;
import io.tradebridge.copying.control.CopyWindow;
import io.tradebridge.copying.entity.CopyRecord;
import io.tradebridge.copying.entity.CopyRule;
import io.tradebridge.orders.control.Multiplier;
import io.tradebridge.orders.entity.AccountShare;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A user's copy rules (API.md, "Groups and copy trading") and their logs. A rule's master and
 * children must be the user's own pseudo accounts; a master has one rule (two would copy its orders
 * twice to a child in both); and no rule may lead back to its own master through others.
 */
@Stateless
public class CopyRules {

  /** A desk copies to dozens of accounts; more than this is a mistake. */
  static final int MOST_CHILDREN = 100;

  public static final int MOST_LOG_LINES = 1000;

  @PersistenceContext EntityManager em;
  @Inject TradingAccounts accounts;
  @Inject Clock clock;

  public List<CopyRuleView> list(String userId) {
    return rules(userId).stream().map(CopyRuleView::of).toList();
  }

  public CopyRuleView create(String userId, CopyRuleRequest request) {
    CopyRule rule =
        new CopyRule(Ids.newId(), userId, checked(userId, request, null), clock.instant());
    em.persist(rule);
    return CopyRuleView.of(rule);
  }

  public CopyRuleView update(String userId, String ruleId, CopyRuleRequest request) {
    CopyRule rule = owned(userId, ruleId);
    rule.change(checked(userId, request, ruleId));
    return CopyRuleView.of(rule);
  }

  public void delete(String userId, String ruleId) {
    em.remove(owned(userId, ruleId));
  }

  /** The rule's log, newest first. */
  public List<CopyRecordView> log(String userId, String ruleId, int limit) {
    owned(userId, ruleId);
    return em
        .createNamedQuery(CopyRecord.OF_RULE, CopyRecord.class)
        .setParameter("ruleId", ruleId)
        .setMaxResults(Math.max(1, Math.min(limit, MOST_LOG_LINES)))
        .getResultList()
        .stream()
        .map(CopyRecordView::of)
        .toList();
  }

  private List<CopyRule> rules(String userId) {
    return em.createNamedQuery(CopyRule.BY_USER, CopyRule.class)
        .setParameter("userId", userId)
        .getResultList();
  }

  private CopyRule owned(String userId, String ruleId) {
    CopyRule rule = em.find(CopyRule.class, ruleId);
    if (rule == null || !rule.userId().equals(userId)) {
      throw TradebridgeException.notFound("copy rule '" + ruleId + "'");
    }
    return rule;
  }

  private CopyRule.Settings checked(String userId, CopyRuleRequest r, String ruleId) {
    FieldChecks checks =
        new FieldChecks().required("master", r.master()).required("children", r.children());
    checks.orThrow();
    String master = r.master().strip();
    if (accounts.findByPseudoAccount(userId, master).isEmpty()) {
      checks.add("master", "you have no pseudo account '" + r.master() + "'");
    }
    checks.that(
        !r.children().isEmpty() && r.children().size() <= MOST_CHILDREN,
        "children",
        "must hold between 1 and " + MOST_CHILDREN + " accounts");
    Set<String> seen = new HashSet<>();
    Set<String> names = new LinkedHashSet<>();
    List<AccountShare> children = new ArrayList<>();
    for (int i = 0; i < r.children().size(); i++) {
      CopyRuleRequest.Child c = r.children().get(i);
      String at = "children[" + i + "]";
      if (c == null || c.account() == null || c.multiplier() == null) {
        checks.add(at, "needs an account and a multiplier");
        continue;
      }
      String name = c.account().strip();
      if (accounts.findByPseudoAccount(userId, name).isEmpty()) {
        checks.add(at + ".account", "you have no pseudo account '" + c.account() + "'");
      }
      if (key(name).equals(key(master))) {
        checks.add(at + ".account", "is the master; an account cannot copy itself");
      }
      if (!seen.add(key(name))) {
        checks.add(at + ".account", "'" + c.account() + "' is already a child");
      }
      Multiplier.check(checks, at + ".multiplier", c.multiplier());
      names.add(name);
      children.add(new AccountShare(name, c.multiplier()));
    }
    String from = time(checks, "activeFrom", r.activeFrom());
    String to = time(checks, "activeTo", r.activeTo());
    checks.that(from == null || !from.equals(to), "activeTo", "must differ from activeFrom");
    checks.orThrow();

    Map<String, Set<String>> others = new HashMap<>();
    for (CopyRule other : rules(userId)) {
      if (other.id().equals(ruleId)) {
        continue;
      }
      if (key(other.master()).equals(key(master))) {
        throw TradebridgeException.conflict(
            "'"
                + master
                + "' is already the master of copy rule "
                + other.id()
                + "; change that rule instead");
      }
      Set<String> kids = new HashSet<>();
      other.children().forEach(k -> kids.add(k.account()));
      others.put(other.master(), kids);
    }
    CopyCycles.loopThrough(others, master, names)
        .ifPresent(
            through -> {
              throw TradebridgeException.validation(
                  "children",
                  "'"
                      + through
                      + "' leads back to '"
                      + master
                      + "' through your other copy rules: an order would be copied round and"
                      + " round");
            });
    return new CopyRule.Settings(
        master,
        children,
        r.copyPlace() == null || r.copyPlace(),
        r.copyModify() == null || r.copyModify(),
        r.copyCancel() == null || r.copyCancel(),
        from,
        to);
  }

  private static String time(FieldChecks checks, String field, String value) {
    try {
      return CopyWindow.parse(value).map(t -> t.toString()).orElse(null);
    } catch (IllegalArgumentException e) {
      checks.add(field, e.getMessage());
      return null;
    }
  }

  private static String key(String account) {
    return account.strip().toUpperCase(Locale.ROOT);
  }
}
