package io.tradebridge.orders.boundary;

import io.tradebridge.accounts.boundary.AccountView;
import io.tradebridge.accounts.boundary.TradingAccounts;
import io.tradebridge.accounts.entity.TradingAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Positions, holdings and margins, each account's from its own broker (API.md, "Real brokers"): a
 * Kite account's are Kite's, with what was bought at Kite's own terminal; paper accounts' come from
 * our book, all of them in one query. Runs outside any transaction, so no database connection is
 * held while a broker answers.
 */
@ApplicationScoped
public class AccountReads {

  @Inject TradingAccounts accounts;
  @Inject Brokers brokers;
  @Inject Portfolio portfolio;

  /** One account's positions, or (pseudo account null) every account's. */
  public List<PositionView> positions(
      String userId, String pseudoAccount, Portfolio.Category category) {
    if (pseudoAccount != null) {
      TradingAccount account = accounts.byPseudoAccount(userId, pseudoAccount);
      return brokers.of(account).positions(account, category);
    }
    List<TradingAccount> remote = remoteAccounts(userId);
    List<PositionView> all =
        new ArrayList<>(
            withoutRemote(
                portfolio.positions(userId, null, category), remote, PositionView::account));
    remote.forEach(account -> all.addAll(brokers.of(account).positions(account, category)));
    return all;
  }

  /** One account's holdings, or (pseudo account null) every account's. */
  public List<HoldingView> holdings(String userId, String pseudoAccount) {
    if (pseudoAccount != null) {
      TradingAccount account = accounts.byPseudoAccount(userId, pseudoAccount);
      return brokers.of(account).holdings(account);
    }
    List<TradingAccount> remote = remoteAccounts(userId);
    List<HoldingView> all =
        new ArrayList<>(
            withoutRemote(portfolio.holdings(userId, null), remote, HoldingView::account));
    remote.forEach(account -> all.addAll(brokers.of(account).holdings(account)));
    return all;
  }

  public MarginsView margins(String userId, String pseudoAccount) {
    TradingAccount account = accounts.byPseudoAccount(userId, pseudoAccount);
    return brokers.of(account).margins(account);
  }

  private List<TradingAccount> remoteAccounts(String userId) {
    List<TradingAccount> remote = new ArrayList<>();
    for (AccountView view : accounts.list(userId)) {
      TradingAccount account = accounts.byPseudoAccount(userId, view.pseudoAccount());
      if (brokers.remote(account)) {
        remote.add(account);
      }
    }
    return remote;
  }

  /** Our book's rows of remote accounts are a mirror; the broker's own answer replaces them. */
  private static <T> List<T> withoutRemote(
      List<T> rows, List<TradingAccount> remote, java.util.function.Function<T, String> account) {
    Set<String> names =
        remote.stream().map(TradingAccount::pseudoAccount).collect(Collectors.toSet());
    return rows.stream().filter(row -> !names.contains(account.apply(row))).toList();
  }
}
