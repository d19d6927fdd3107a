package io.tradebridge.orders.boundary;

import io.tradebridge.accounts.boundary.TradingAccounts;
import io.tradebridge.common.control.FieldChecks;
import io.tradebridge.common.control.Ids;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.orders.control.Multiplier;
import io.tradebridge.orders.entity.AccountGroup;
import io.tradebridge.orders.entity.AccountShare;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A user's groups of pseudo accounts (API.md, "Groups and copy trading"). A group's members must be
 * the user's own pseudo accounts when it is saved; a group may not share its name with one of them,
 * because a workbook's Account cell may name either.
 */
@Stateless
public class Groups {

  /** More members than a desk trades as one is a mistake, not a group. */
  static final int MOST_MEMBERS = 100;

  @PersistenceContext EntityManager em;
  @Inject TradingAccounts accounts;
  @Inject Clock clock;

  public List<GroupView> list(String userId) {
    return em
        .createNamedQuery(AccountGroup.BY_USER, AccountGroup.class)
        .setParameter("userId", userId)
        .getResultList()
        .stream()
        .map(GroupView::of)
        .toList();
  }

  public GroupView create(String userId, GroupRequest request) {
    List<AccountShare> members = checked(userId, request, null);
    AccountGroup group =
        new AccountGroup(Ids.newId(), userId, request.name().strip(), members, clock.instant());
    em.persist(group);
    return GroupView.of(group);
  }

  public GroupView update(String userId, String groupId, GroupRequest request) {
    AccountGroup group = owned(userId, groupId);
    group.change(
        request.name() == null ? null : request.name().strip(), checked(userId, request, groupId));
    return GroupView.of(group);
  }

  public void delete(String userId, String groupId) {
    em.remove(owned(userId, groupId));
  }

  /** The user's group of this name (any case), if there is one. */
  public Optional<AccountGroup> byName(String userId, String name) {
    return em.createNamedQuery(AccountGroup.BY_NAME, AccountGroup.class)
        .setParameter("userId", userId)
        .setParameter("key", AccountGroup.keyOf(name.strip()))
        .getResultStream()
        .findFirst();
  }

  private AccountGroup owned(String userId, String groupId) {
    AccountGroup group = em.find(AccountGroup.class, groupId);
    if (group == null || !group.userId().equals(userId)) {
      throw TradebridgeException.notFound("group '" + groupId + "'");
    }
    return group;
  }

  private List<AccountShare> checked(String userId, GroupRequest r, String groupId) {
    FieldChecks checks =
        new FieldChecks().required("name", r.name()).required("members", r.members());
    checks.orThrow();
    checks.text("name", r.name(), 1, 32);
    checks.that(
        !r.members().isEmpty() && r.members().size() <= MOST_MEMBERS,
        "members",
        "must hold between 1 and " + MOST_MEMBERS + " accounts");
    Set<String> seen = new HashSet<>();
    List<AccountShare> members = new ArrayList<>();
    for (int i = 0; i < r.members().size(); i++) {
      GroupRequest.Member m = r.members().get(i);
      String at = "members[" + i + "]";
      if (m == null || m.account() == null || m.multiplier() == null) {
        checks.add(at, "needs an account and a multiplier");
        continue;
      }
      if (accounts.findByPseudoAccount(userId, m.account()).isEmpty()) {
        checks.add(at + ".account", "you have no pseudo account '" + m.account() + "'");
      }
      if (!seen.add(m.account().toUpperCase(java.util.Locale.ROOT))) {
        checks.add(at + ".account", "'" + m.account() + "' is already a member");
      }
      Multiplier.check(checks, at + ".multiplier", m.multiplier());
      members.add(new AccountShare(m.account().strip(), m.multiplier()));
    }
    checks.orThrow();
    if (accounts.findByPseudoAccount(userId, r.name().strip()).isPresent()) {
      throw TradebridgeException.conflict(
          "'"
              + r.name().strip()
              + "' is one of your pseudo accounts; a group needs a name of its own");
    }
    byName(userId, r.name())
        .filter(other -> !other.id().equals(groupId))
        .ifPresent(
            other -> {
              throw TradebridgeException.conflict(
                  "you already have a group named '" + other.name() + "'");
            });
    return members;
  }
}
