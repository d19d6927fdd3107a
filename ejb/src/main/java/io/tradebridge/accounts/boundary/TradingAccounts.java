package io.tradebridge.accounts.boundary;

import io.tradebridge.accounts.control.CredentialsCodec;
import io.tradebridge.accounts.entity.BrokerName;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.accounts.entity.ValidationStatus;
import io.tradebridge.apikeys.boundary.StepUpRequest;
import io.tradebridge.common.control.FieldChecks;
import io.tradebridge.common.control.Ids;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.crypto.boundary.Vault;
import io.tradebridge.twofactor.boundary.StepUp;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** A user's trading accounts: create, change, delete, reveal credentials (step-up), validate. */
@Stateless
public class TradingAccounts {

  public static final String FIRST_PAPER_ACCOUNT = "PAPER1";
  static final Pattern PSEUDO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

  /**
   * A trading desk holds a master and its clients' accounts (a copy rule may have 100 children, a
   * group 100 members); more than this is a runaway script, not a desk.
   */
  private static final int MAX_ACCOUNTS = 200;

  @PersistenceContext EntityManager em;
  @Inject Vault vault;
  @Inject StepUp stepUp;
  @Inject Clock clock;
  @Inject BrokerLogins brokers;
  @Inject BrokerSessions sessions;
  @Inject Event<BrokerAccountsChanged> brokerAccountsChanged;

  /** Every new user's paper account, live, with 1 crore of virtual capital. */
  public AccountView openFirstPaperAccount(String userId, String username) {
    TradingAccount account =
        new TradingAccount(
            Ids.newId(),
            userId,
            FIRST_PAPER_ACCOUNT,
            BrokerName.PAPER,
            username,
            true,
            clock.instant());
    account.validated(ValidationStatus.VALID, clock.instant());
    em.persist(account);
    return AccountView.of(account);
  }

  public List<AccountView> list(String userId) {
    return em.createNamedQuery(TradingAccount.BY_USER, TradingAccount.class)
        .setParameter("userId", userId)
        .getResultStream()
        .map(AccountView::of)
        .toList();
  }

  /** Whether every trading account of the user is at the paper exchange. */
  public boolean onlyPaper(String userId) {
    return em.createQuery(
                "SELECT COUNT(a) FROM TradingAccount a WHERE a.userId = :userId"
                    + " AND a.broker <> :paper",
                Long.class)
            .setParameter("userId", userId)
            .setParameter("paper", BrokerName.PAPER)
            .getSingleResult()
        == 0;
  }

  /** The account a script names, or 404 (another user's pseudo account is not found either). */
  public TradingAccount byPseudoAccount(String userId, String pseudoAccount) {
    return findByPseudo(userId, pseudoAccount)
        .orElseThrow(() -> TradebridgeException.notFound("pseudo account '" + pseudoAccount + "'"));
  }

  public AccountView create(String userId, AccountRequest request) {
    check(request);
    checkCredentialFields(request, false);
    stepUpIfCredentials(userId, request);
    if (findByPseudo(userId, request.pseudoAccount()).isPresent()) {
      throw TradebridgeException.conflict(
          "you already have a pseudo account '" + request.pseudoAccount() + "'");
    }
    if (list(userId).size() >= MAX_ACCOUNTS) {
      throw TradebridgeException.conflict(
          "a user may hold at most " + MAX_ACCOUNTS + " trading accounts");
    }
    TradingAccount account =
        new TradingAccount(
            Ids.newId(),
            userId,
            request.pseudoAccount(),
            request.broker(),
            request.loginId(),
            request.live(),
            clock.instant());
    account.limit(request.maxOrderQuantity(), request.maxOrderValue());
    em.persist(account);
    storeCredentials(account, request.credentials());
    brokerAccountsChanged.fire(new BrokerAccountsChanged(userId));
    if (brokers.of(account).needsDailyLogin()) {
      account.validated(ValidationStatus.LOGIN_REQUIRED, clock.instant());
    }
    return AccountView.of(account);
  }

  public AccountView update(String userId, String accountId, AccountRequest request) {
    check(request);
    TradingAccount account = owned(userId, accountId, true);
    if (hasCredentials(request)
        || account.changesSafetyWith(
            request.live(), request.maxOrderQuantity(), request.maxOrderValue())) {
      // Whether it may trade and how much at once are what stand between a stolen session and a
      // ruined account.
      stepUp(userId, request.password(), request.totpCode());
    }
    Optional<TradingAccount> clash = findByPseudo(userId, request.pseudoAccount());
    if (clash.isPresent() && !clash.get().id().equals(account.id())) {
      throw TradebridgeException.conflict(
          "you already have a pseudo account '" + request.pseudoAccount() + "'");
    }
    checkCredentialFields(
        request, request.broker() == account.broker() && account.sealedCredentials() != null);
    account.rename(request.pseudoAccount());
    account.changeLogin(request.broker(), request.loginId(), request.live());
    brokerAccountsChanged.fire(new BrokerAccountsChanged(userId));
    account.limit(request.maxOrderQuantity(), request.maxOrderValue());
    storeCredentials(account, request.credentials());
    return AccountView.of(account);
  }

  /** Removing a broker login takes the step-up: it is the last place its credentials live. */
  public void delete(String userId, String accountId, StepUpRequest proof) {
    TradingAccount account = owned(userId, accountId, true);
    stepUp(
        userId, proof == null ? null : proof.password(), proof == null ? null : proof.totpCode());
    em.remove(account);
  }

  public RevealedCredentials revealCredentials(
      String userId, String accountId, StepUpRequest proof) {
    new FieldChecks()
        .optionalText("password", proof == null ? null : proof.password(), 256)
        .orThrow();
    TradingAccount account = owned(userId, accountId, false);
    stepUp.verify(userId, proof.password(), proof.totpCode());
    String sealed = account.sealedCredentials();
    return new RevealedCredentials(
        sealed == null
            ? Map.of()
            : CredentialsCodec.fromJson(vault.open(sealed, context(account))));
  }

  /** Asks the account's broker adapter whether its stored login works, and records the answer. */
  public ValidationResult validate(String userId, String accountId) {
    TradingAccount account = owned(userId, accountId, true);
    BrokerLogin broker = brokers.of(account);
    ValidationResult result =
        broker.needsDailyLogin() && !sessions.active(account)
            ? new ValidationResult(
                ValidationStatus.LOGIN_REQUIRED,
                "no "
                    + account.broker()
                    + " session today: use \"Log in to broker\" on the trading accounts page")
            : broker.validate(account, credentialsOf(account));
    account.validated(result.validationStatus(), clock.instant());
    return result;
  }

  /**
   * The account's stored credentials, opened (none: an empty map). For the broker adapters, which
   * need them to reach the broker; never for an answer.
   */
  public Map<String, String> credentialsOf(TradingAccount account) {
    String sealed = account.sealedCredentials();
    return sealed == null
        ? Map.of()
        : CredentialsCodec.fromJson(vault.open(sealed, context(account)));
  }

  /**
   * A broker's adapter says which credentials it needs (Kite: apiKey and apiSecret); an account
   * without them could never log in, so it is refused when added, naming what is missing.
   */
  private void checkCredentialFields(AccountRequest r, boolean alreadyStored) {
    if (r.broker() == null || alreadyStored) {
      return;
    }
    Map<String, String> given = r.credentials() == null ? Map.of() : r.credentials();
    FieldChecks checks = new FieldChecks();
    for (String field : brokers.of(r.broker()).credentialFields()) {
      String value = given.get(field);
      checks.that(
          value != null && !value.isBlank(),
          "credentials." + field,
          "is required for a " + r.broker() + " account");
    }
    checks.orThrow();
  }

  private void check(AccountRequest r) {
    FieldChecks checks =
        new FieldChecks()
            .text("pseudoAccount", r.pseudoAccount(), 1, 32)
            .matches(
                "pseudoAccount",
                r.pseudoAccount(),
                PSEUDO,
                "must start with a letter or digit and hold only letters, digits, '_' or '-'")
            .required("broker", r.broker())
            .text("loginId", r.loginId(), 1, 64)
            .required("live", r.live());
    if (r.maxOrderQuantity() != null) {
      checks.that(r.maxOrderQuantity() > 0, "maxOrderQuantity", "must be greater than 0");
    }
    if (r.maxOrderValue() != null) {
      checks.that(r.maxOrderValue().signum() > 0, "maxOrderValue", "must be greater than 0");
    }
    if (r.credentials() != null) {
      checks.that(r.credentials().size() <= 20, "credentials", "may hold at most 20 entries");
      r.credentials()
          .forEach(
              (k, v) ->
                  checks.that(
                      k.length() <= 64 && v.length() <= 1024,
                      "credentials." + k,
                      "names are at most 64 and values at most 1024 characters"));
    }
    checks.orThrow();
  }

  private void stepUpIfCredentials(String userId, AccountRequest request) {
    if (hasCredentials(request)) {
      stepUp(userId, request.password(), request.totpCode());
    }
  }

  private static boolean hasCredentials(AccountRequest request) {
    return request.credentials() != null && !request.credentials().isEmpty();
  }

  private void stepUp(String userId, String password, String totpCode) {
    new FieldChecks().optionalText("password", password, 256).orThrow();
    stepUp.verify(userId, password, totpCode);
  }

  private void storeCredentials(TradingAccount account, Map<String, String> credentials) {
    if (credentials != null && !credentials.isEmpty()) {
      account.storeCredentials(vault.seal(CredentialsCodec.toJson(credentials), context(account)));
    }
  }

  /** The user's account with this pseudo account name (any case), if there is one. */
  public Optional<TradingAccount> findByPseudoAccount(String userId, String pseudoAccount) {
    return findByPseudo(userId, pseudoAccount);
  }

  private Optional<TradingAccount> findByPseudo(String userId, String pseudoAccount) {
    return em.createNamedQuery(TradingAccount.BY_PSEUDO, TradingAccount.class)
        .setParameter("userId", userId)
        .setParameter("key", TradingAccount.keyOf(pseudoAccount))
        .getResultStream()
        .findFirst();
  }

  /** The user's account, or 404 (another user's account is not found either). */
  public TradingAccount owned(String userId, String accountId, boolean lock) {
    TradingAccount account =
        accountId == null
            ? null
            : lock
                ? em.find(TradingAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(TradingAccount.class, accountId);
    if (account == null || !account.userId().equals(userId)) {
      throw TradebridgeException.notFound("trading account");
    }
    return account;
  }

  private static String context(TradingAccount account) {
    return "broker-credentials:" + account.id();
  }
}
