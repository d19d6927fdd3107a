package io.tradebridge.accounts.boundary;

import io.tradebridge.accounts.entity.BrokerLoginState;
import io.tradebridge.accounts.entity.BrokerName;
import io.tradebridge.accounts.entity.BrokerSession;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.accounts.entity.ValidationStatus;
import io.tradebridge.common.control.Ids;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.crypto.boundary.Vault;
import io.tradebridge.crypto.control.Purpose;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The daily broker login (API.md, "Real brokers"): a login link carrying a single-use state, the
 * callback that trades what the broker sent back for a session, and the session's access token for
 * the adapters — sealed at rest, bound to its account, never in a log or an answer.
 */
@Stateless
public class BrokerSessions {

  @PersistenceContext EntityManager em;
  @Inject Vault vault;
  @Inject Clock clock;
  @Inject BrokerLogins brokers;
  @Inject TradingAccounts accounts;

  /** A link to the broker's login page for one of the user's accounts. */
  public BrokerLoginUrl start(String userId, String accountId) {
    TradingAccount account = accounts.owned(userId, accountId, false);
    BrokerLogin broker = brokers.of(account);
    if (!broker.needsDailyLogin()) {
      throw TradebridgeException.conflict(
          account.broker() + " needs no broker login; its account trades as it is");
    }
    Instant now = clock.instant();
    em.createNamedQuery(BrokerLoginState.DELETE_OLD).setParameter("before", now).executeUpdate();
    String state = Ids.newToken();
    em.persist(
        new BrokerLoginState(vault.digest(Purpose.BROKER_LOGIN_STATE_DIGEST, state), account, now));
    URI page =
        broker
            .loginPage(accounts.credentialsOf(account), state)
            .orElseThrow(() -> new IllegalStateException(account.broker() + " gave no login page"));
    return new BrokerLoginUrl(page.toString());
  }

  /**
   * The broker sent the trader's browser back: the state must be one we gave for this broker, not
   * used and not older than 10 minutes; then the adapter trades the broker's token for a session.
   * Anything wrong changes nothing. Returns the account whose session began.
   */
  public String finish(BrokerName brokerName, Map<String, String> callback) {
    String state = callback.get("state");
    if (state == null || state.isBlank() || state.length() > 128) {
      throw TradebridgeException.validation(
          "state", "is missing; start the broker login again from the trading accounts page");
    }
    Instant now = clock.instant();
    BrokerLoginState login =
        em.find(
            BrokerLoginState.class,
            vault.digest(Purpose.BROKER_LOGIN_STATE_DIGEST, state.strip()),
            LockModeType.PESSIMISTIC_WRITE);
    if (login == null || !login.finishes(brokerName, now)) {
      throw TradebridgeException.validation(
          "state",
          "is unknown, used or older than "
              + BrokerLoginState.LIFETIME.toMinutes()
              + " minutes; start the broker login again from the trading accounts page");
    }
    em.remove(login);
    TradingAccount account = accounts.owned(login.userId(), login.accountId(), true);
    BrokerSessionToken token =
        brokers.of(account).openSession(accounts.credentialsOf(account), callback);
    BrokerSession session =
        Optional.ofNullable(em.find(BrokerSession.class, account.id()))
            .orElseGet(
                () -> {
                  BrokerSession fresh = new BrokerSession(account.id());
                  em.persist(fresh);
                  return fresh;
                });
    session.renew(
        vault.seal(token.accessToken(), context(account.id())),
        token.brokerUserId(),
        now,
        token.expiresAt());
    account.validated(ValidationStatus.VALID, now);
    return account.id();
  }

  /** An account's stored credentials, for its broker's adapter. */
  public Map<String, String> credentials(TradingAccount account) {
    return accounts.credentialsOf(account);
  }

  public TradingAccount account(String accountId) {
    return em.find(TradingAccount.class, accountId);
  }

  /** Whether the account has a broker session that has not ended. */
  public boolean active(TradingAccount account) {
    BrokerSession session = em.find(BrokerSession.class, account.id());
    return session != null && session.activeAt(clock.instant());
  }

  /**
   * Today's access token for an adapter's call, or a 422 the trader can act on: an order for an
   * account that needs a login is refused at once, nothing sent.
   */
  public String accessToken(TradingAccount account) {
    BrokerSession session = em.find(BrokerSession.class, account.id());
    if (session == null || !session.activeAt(clock.instant())) {
      throw TradebridgeException.orderRejected(loginRequired(account));
    }
    return vault.open(session.sealedAccessToken(), context(account.id()));
  }

  /**
   * The broker said the session ended: the account shows LOGIN_REQUIRED until the next login. In
   * the caller's transaction: the order desk holds the account's lock and commits its batch, the
   * refused order included; a transaction of its own would wait on that lock for ever.
   */
  public void ended(String accountId) {
    Instant now = clock.instant();
    BrokerSession session = em.find(BrokerSession.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    if (session != null) {
      session.ended(now);
    }
    TradingAccount account = em.find(TradingAccount.class, accountId);
    if (account != null) {
      account.validated(ValidationStatus.LOGIN_REQUIRED, now);
    }
  }

  public static String loginRequired(TradingAccount account) {
    return "account "
        + account.pseudoAccount()
        + " needs today's "
        + account.broker()
        + " login: use \"Log in to broker\" on the trading accounts page";
  }

  private static String context(String accountId) {
    return "broker-session:" + accountId;
  }
}
