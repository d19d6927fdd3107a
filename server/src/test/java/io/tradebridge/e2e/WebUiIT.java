package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI, walked as a trader walks it, in Debian's real chromium (headless) through
 * chromium-driver: register → copy the key → enable 2FA from the shown secret → log out → log in
 * with a code → place an order in the ticket → see it in Orders → approve a semi-automatic order in
 * the Action center → re-generate the key (the old one fails) → upload a workbook and download the
 * result. A screenshot of each main page is saved under {@code target/ui-screenshots/}.
 */
@ExtendWith(SharedServer.class)
class WebUiIT {

  private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
  private static final Path DOWNLOADS = Path.of("target", "ui-downloads").toAbsolutePath();
  private static WebDriver browser;
  private static WebDriverWait wait;

  @BeforeAll
  static void openBrowser() throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Files.createDirectories(DOWNLOADS);
    // An earlier run's downloads would pass for this run's (Chromium names a second copy "… (1)").
    try (java.util.stream.Stream<Path> old = Files.list(DOWNLOADS)) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--disable-gpu");
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            DOWNLOADS.toString(),
            "download.prompt_for_download",
            false));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")))
            .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    // Lists are redrawn from the push stream: a condition that met a replaced element looks again.
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static String firstExisting(String... paths) {
    return Stream.of(paths)
        .filter(p -> Files.isExecutable(Path.of(p)))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "install chromium and chromium-driver (apt-get install -y chromium"
                        + " chromium-driver); looked for "
                        + List.of(paths)));
  }

  @Test
  void aTraderWalksFromRegistrationToAWorkbookUpload(Api api) throws Exception {
    String username = "webtrader" + System.nanoTime() % 1_000_000;
    String password = "correct horse battery staple";

    // Register: the first key is shown once, with a copy button.
    browser.get(api.base() + "/#/register");
    type(By.name("username"), username);
    type(By.name("email"), username + "@example.com");
    type(By.name("password"), password);
    click(By.cssSelector("#register-form button[type=submit]"));
    String key = visible(By.id("shown-key")).getText().strip();
    assertTrue(key.startsWith("tb_live_"), key);
    click(By.xpath("//button[text()='Copy']"));
    shot("register-key");
    assertEquals(
        200, api.fresh().get("/api/v1/ping", "X-API-Key", key).status(), "the shown key works");

    // Registering signed us in; after signing out, a wrong password shows the server's problem
    // detail and the right one signs in.
    click(By.id("continue-trading"));
    wait.until(ExpectedConditions.urlContains("#/trade"));
    click(By.id("logout"));
    wait.until(ExpectedConditions.urlContains("#/login"));
    type(By.name("username"), username);
    type(By.name("password"), "not the password at all");
    click(By.cssSelector("#login-form button[type=submit]"));
    assertFalse(visible(By.cssSelector("#login-form .alert")).getText().isBlank());
    shot("login-error");
    browser.findElement(By.name("password")).clear();
    type(By.name("password"), password);
    click(By.cssSelector("#login-form button[type=submit]"));
    visible(By.id("logout"));

    // Two-factor: scan (here: read) the secret, confirm with a code, see the recovery codes once.
    browser.get(api.base() + "/#/security");
    click(By.id("enable-2fa"));
    // One state at a time: the password step replaces the "off" state; setting up replaces it.
    type(By.cssSelector(".stepup input[name=password]"), password);
    assertTrue(browser.findElements(By.id("enable-2fa")).isEmpty(), "the step stands alone");
    click(By.cssSelector(".stepup button[type=submit]"));
    String secret = visible(By.id("totp-secret")).getText().strip();
    assertTrue(browser.findElements(By.cssSelector(".stepup")).isEmpty(), "the step is done");
    assertTrue(
        visible(By.cssSelector("img.qr")).getAttribute("src").startsWith("data:image/png;base64,"));
    shot("two-factor-setup");
    AuthenticatorApp phone = new AuthenticatorApp(secret);
    type(By.cssSelector("#tfa-activate input[name=code]"), phone.nextCode());
    uncheck(By.cssSelector("#tfa-activate input[name=credentials]"));
    click(By.cssSelector("#tfa-activate button[type=submit]"));
    assertEquals(10, visible(By.id("recovery-codes")).findElements(By.tagName("li")).size());
    shot("two-factor-recovery-codes");
    Path codesFile = DOWNLOADS.resolve("tradebridge-recovery-codes.txt");
    Files.deleteIfExists(codesFile);
    click(By.id("download-recovery"));
    wait.until(d -> Files.isRegularFile(codesFile));
    String firstCode = visible(By.cssSelector("#recovery-codes li code")).getText().strip();
    wait.until(d -> readQuietly(codesFile).contains(firstCode));
    assertTrue(browser.findElements(By.id("tfa-choices")).isEmpty(), "the codes stand alone");
    click(By.id("recovery-kept"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("tfa-state"), "is on: at login"));
    assertTrue(browser.findElements(By.id("recovery-codes")).isEmpty(), "shown only once");

    // Log out, log in again: now with a code.
    click(By.id("logout"));
    type(By.name("username"), username);
    type(By.name("password"), password);
    click(By.cssSelector("#login-form button[type=submit]"));
    type(By.cssSelector("#code-form input[name=code]"), phone.nextCode());
    click(By.cssSelector("#code-form button[type=submit]"));
    visible(By.id("logout"));

    // The order ticket: a market buy fills and shows in Orders.
    browser.get(api.base() + "/#/trade");
    type(By.cssSelector("#order-ticket input[name=symbol]"), "SBIN");
    click(By.cssSelector("#order-ticket button[type=submit]"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-result"), "COMPLETE"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders"), "NSE:SBIN"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("positions"), "NSE:SBIN"));
    // Money reads as rupees, grouped in lakhs and crores.
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("summary-capital"), "₹1,00,00,000.00"));
    assertTrue(
        visible(By.id("summary-day-pnl")).getText().matches("-?₹-?[0-9,]+\\.[0-9]{2}"),
        "the day's P&L in rupees: " + browser.findElement(By.id("summary-day-pnl")).getText());
    // Before it is sent, the ticket says what the order is worth and the margin it needs.
    type(By.cssSelector("#order-ticket input[name=quantity]"), "2");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-figures"), "available"));
    assertTrue(
        visible(By.id("ticket-figures")).getText().contains("margin ₹"),
        browser.findElement(By.id("ticket-figures")).getText());
    shot("trading");
    visible(By.cssSelector("#order-ticket input[name=quantity]")).clear();
    type(By.cssSelector("#order-ticket input[name=quantity]"), "1");

    // An order the paper exchange refuses for margin stands in the book with its reason: two
    // resting buys far below the price take the capital, the third is refused.
    java.math.BigDecimal low =
        api.fresh()
            .get("/api/v1/quotes?exchange=NSE&symbol=SBIN", "X-API-Key", key)
            .json()
            .getJsonNumber("lastPrice")
            .bigDecimalValue()
            .multiply(new java.math.BigDecimal("0.85"))
            .setScale(1, java.math.RoundingMode.DOWN);
    int fortyNineLakh =
        new java.math.BigDecimal("4900000").divide(low, 0, java.math.RoundingMode.DOWN).intValue();
    int[] answers = new int[3];
    for (int i = 0; i < 3; i++) {
      answers[i] =
          api.fresh()
              .post(
                  "/api/v1/orders",
                  Api.json(
                      "account",
                      "PAPER1",
                      "exchange",
                      "NSE",
                      "symbol",
                      "SBIN",
                      "side",
                      "BUY",
                      "quantity",
                      fortyNineLakh,
                      "orderType",
                      "LIMIT",
                      "price",
                      low,
                      "productType",
                      "DELIVERY"),
                  "X-API-Key",
                  key)
              .status();
    }
    assertEquals(List.of(201, 201, 422), List.of(answers[0], answers[1], answers[2]));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("orders"), "REJECTED — insufficient funds"));
    shot("refused-order-in-the-book");

    // A semi-automatic key: its order waits in the Action center until approved here.
    browser.get(api.base() + "/#/security");
    type(By.cssSelector("#create-key input[name=label]"), "semi");
    new Select(browser.findElement(By.cssSelector("#create-key select[name=orderMode]")))
        .selectByValue("SEMI_AUTO");
    click(By.cssSelector("#create-key button[type=submit]"));
    type(By.cssSelector(".stepup input[name=password]"), password);
    click(By.cssSelector(".stepup button[type=submit]"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#keys .slot"), "semi"));
    String semiKey = visible(By.id("shown-key")).getText().strip();
    Api.Reply held =
        api.fresh()
            .post(
                "/api/v1/orders",
                Api.json(
                    "account",
                    "PAPER1",
                    "exchange",
                    "NSE",
                    "symbol",
                    "INFY",
                    "side",
                    "BUY",
                    "quantity",
                    2,
                    "orderType",
                    "MARKET",
                    "productType",
                    "INTRADAY"),
                "X-API-Key",
                semiKey);
    assertEquals(202, held.status(), held.toString());
    browser.get(api.base() + "/#/actions");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending-count"), "1"));
    shot("action-center");
    click(By.cssSelector("#pending-actions button[data-action=approve]"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("main"), "Approved: order"));
    assertTrue(
        api.fresh().get("/api/v1/orders", "X-API-Key", key).body().contains("INFY"),
        "the approved order was placed");

    // Re-generate the first key: the old secret is refused at once, the new one works.
    browser.get(api.base() + "/#/security");
    click(By.cssSelector("button[data-action=regenerate][data-key=default]"));
    type(By.cssSelector(".stepup input[name=password]"), password);
    click(By.cssSelector(".stepup button[type=submit]"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#keys .slot"), "new secret"));
    String regenerated = visible(By.id("shown-key")).getText().strip();
    assertFalse(regenerated.equals(key));
    assertEquals(
        401, api.fresh().get("/api/v1/ping", "X-API-Key", key).status(), "the old key fails");
    assertEquals(200, api.fresh().get("/api/v1/ping", "X-API-Key", regenerated).status());
    shot("security");

    // Upload a workbook, download it back with results.
    Path workbook =
        Files.createTempDirectory(RunningServer.newHome("ui"), "wb").resolve("desk.xlsx");
    OrderSheets.write(
        workbook,
        List.of(
            OrderSheets.order("TCS", "BUY", 1, "MARKET", null),
            OrderSheets.order("INFY", "SELL", 0, "MARKET", null)));
    browser.get(api.base() + "/#/workbook");
    browser.findElement(By.id("workbook-file")).sendKeys(workbook.toAbsolutePath().toString());
    click(By.cssSelector("#workbook-form button[type=submit]"));
    WebElement summary = visible(By.id("workbook-summary"));
    assertTrue(
        summary.getText().contains("1 placed") && summary.getText().contains("1 invalid"),
        summary.getText());
    shot("workbook");
    click(By.id("download-result"));
    Path downloaded = DOWNLOADS.resolve("desk.results.xlsx");
    wait.until(d -> Files.exists(downloaded) && downloaded.toFile().length() > 0);
    assertEquals("COMPLETE", OrderSheets.cell(downloaded, 2, "Status"));
    assertEquals("INVALID", OrderSheets.cell(downloaded, 3, "Status"));

    browser.get(api.base() + "/#/accounts");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("trading-accounts"), "PAPER1"));
    shot("trading-accounts");
    browser.get(api.base() + "/#/activity");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("security-events"), "TOTP_ENABLED"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("traffic"), "/api/v1/orders"));
    shot("activity");
  }

  @Test
  void aPersonSignsAnotherBrowserOutThenResetsAForgottenPasswordFromTheEmailedLink(
      Api api, Mailbox mailbox) throws Exception {
    Trader trader = Trader.register(api);
    Api phone = api.fresh();
    assertEquals(
        200,
        phone
            .post(
                "/api/v1/auth/login",
                Api.json("username", trader.username, "password", trader.password),
                "User-Agent",
                "PhoneApp/7")
            .status());

    browser.manage().deleteAllCookies();
    browser.get(api.base() + "/#/login");
    browser.navigate().refresh(); // a fresh page: nobody signed in, whatever ran before
    type(By.name("username"), trader.username);
    type(By.name("password"), trader.password);
    click(By.cssSelector("#login-form button[type=submit]"));
    wait.until(ExpectedConditions.urlContains("#/trade"));
    browser.get(api.base() + "/#/security");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sessions"), "PhoneApp/7"));
    WebElement sessions = visible(By.id("sessions"));
    assertTrue(sessions.getText().contains("this browser"));
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView()", sessions);
    shot("sessions");
    click(By.cssSelector("#sessions button[data-action=sign-out]"));
    wait.until(
        ExpectedConditions.not(
            ExpectedConditions.textToBePresentInElementLocated(By.id("sessions"), "PhoneApp/7")));
    assertEquals(401, phone.get("/api/v1/me").status(), "the phone was signed out");

    // Forgotten: the sign-in page leads to the reset request, the e-mail's link to a new password.
    browser.manage().deleteAllCookies();
    browser.get(api.base() + "/#/login");
    browser.navigate().refresh();
    click(By.id("forgot-link"));
    type(By.name("email"), trader.email());
    click(By.cssSelector("#forgot-form button[type=submit]"));
    visible(By.cssSelector("p.ok[role=status]"));
    java.util.regex.Matcher link =
        YourOwnAccountIT.RESET_LINK.matcher(YourOwnAccountIT.resetMail(mailbox, trader).body());
    assertTrue(link.find());
    browser.get(api.base() + "/#/reset?token=" + link.group(1));
    String newPassword = "remembered at last " + System.nanoTime();
    type(By.name("newPassword"), newPassword);
    click(By.cssSelector("#reset-form button[type=submit]"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "password is changed"));
    shot("password-reset");
    assertEquals(
        200,
        api.fresh()
            .post(
                "/api/v1/auth/login",
                Api.json("username", trader.username, "password", newPassword))
            .status(),
        "the new password signs in");
  }

  @Test
  void aDeskManagerSetsUpAGroupAndACopyRuleAndEveryChildGetsTheMastersOrders(Api api)
      throws Exception {
    Trader trader = Trader.register(api).login();
    for (String kid : List.of("KID1", "KID2", "KID3")) {
      assertEquals(
          201,
          trader
              .browser
              .post(
                  "/api/v1/trading-accounts",
                  Api.json("pseudoAccount", kid, "broker", "PAPER", "loginId", "k", "live", true))
              .status());
    }
    browser.manage().deleteAllCookies();
    browser.get(api.base() + "/#/login");
    browser.navigate().refresh();
    type(By.name("username"), trader.username);
    type(By.name("password"), trader.password);
    click(By.cssSelector("#login-form button[type=submit]"));
    wait.until(ExpectedConditions.urlContains("#/trade"));

    // The Desk page: a group of three accounts with multipliers 1, 2 and 0.5, and a copy rule.
    click(By.linkText("Desk"));
    type(By.cssSelector("#add-group input[name=name]"), "FAMILY");
    click(By.xpath("//form[@id='add-group']//button[text()='Add member']"));
    members("#add-group", List.of("KID1", "KID2", "KID3"));
    click(By.cssSelector("#add-group button[type=submit]"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("groups"), "KID1 × 1, KID2 × 2, KID3 × 0.5"));
    new Select(visible(By.cssSelector("#add-copy-rule select[name=master]")))
        .selectByValue("PAPER1");
    click(By.xpath("//form[@id='add-copy-rule']//button[text()='Add child']"));
    members("#add-copy-rule", List.of("KID1", "KID2", "KID3"));
    click(By.cssSelector("#add-copy-rule button[type=submit]"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("copy-rules"), "KID1 × 1, KID2 × 2, KID3 × 0.5"));
    shot("desk");

    // One order from a script, one from the web ticket, both on the master.
    Api.Reply scripted =
        api.fresh()
            .post(
                "/api/v1/orders",
                Api.json(
                    "account",
                    "PAPER1",
                    "exchange",
                    "NSE",
                    "symbol",
                    "ITC",
                    "side",
                    "BUY",
                    "quantity",
                    10,
                    "orderType",
                    "MARKET",
                    "productType",
                    "INTRADAY"),
                "X-API-Key",
                trader.firstKey);
    assertEquals(201, scripted.status(), scripted.toString());
    click(By.linkText("Trading"));
    type(By.cssSelector("#order-ticket input[name=symbol]"), "SBIN");
    WebElement quantity = visible(By.cssSelector("#order-ticket input[name=quantity]"));
    quantity.clear();
    quantity.sendKeys("4");
    click(By.cssSelector("#order-ticket button[type=submit]"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-result"), "COMPLETE"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trades"), "NSE:SBIN"));

    Map<String, List<Integer>> expected =
        Map.of("KID1", List.of(4, 10), "KID2", List.of(8, 20), "KID3", List.of(2, 5));
    long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    Map<String, List<Integer>> seen = Map.of();
    while (System.nanoTime() < until && !seen.equals(expected)) {
      Thread.sleep(200);
      java.util.Map<String, List<Integer>> now = new java.util.HashMap<>();
      for (String kid : expected.keySet()) {
        now.put(
            kid,
            api
                .fresh()
                .get("/api/v1/orders?account=" + kid, "X-API-Key", trader.firstKey)
                .array()
                .getValuesAs(jakarta.json.JsonObject.class)
                .stream()
                .filter(o -> !o.isNull("copiedFrom"))
                .map(o -> o.getInt("quantity"))
                .sorted()
                .toList());
      }
      seen = now;
    }
    assertEquals(expected, seen, "every child has both orders with its multiplier");

    // The rule's log on the Desk page; then one order for the whole group from the ticket.
    click(By.linkText("Desk"));
    click(By.xpath("//section[@id='copy-rules']//button[text()='Log']"));
    wait.until(d -> d.findElements(By.xpath("//div[@id='copy-log']//td[.='COPIED']")).size() == 6);
    shot("copy-log");
    click(By.linkText("Trading"));
    new Select(visible(By.id("ticket-group"))).selectByValue("FAMILY");
    type(By.cssSelector("#order-ticket input[name=symbol]"), "NTPC");
    click(By.cssSelector("#order-ticket button[type=submit]"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("ticket-result"), "KID1 1 placed; KID2 2 placed; KID3 0 not placed"));
  }

  @Test
  void aTraderSeesPricesMoveFindsASymbolReadsDepthAndAChartAndModifiesFromADialog(Api api)
      throws Exception {
    Trader trader = Trader.register(api);
    browser.manage().deleteAllCookies();
    browser.get(api.base() + "/#/login");
    browser.navigate().refresh();
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("localStorage.clear()");
    type(By.name("username"), trader.username);
    type(By.name("password"), trader.password);
    click(By.cssSelector("#login-form button[type=submit]"));
    wait.until(ExpectedConditions.urlContains("#/trade"));

    // The watchlist's prices move by themselves, pushed over the stream as the market ticks.
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("watchlist"), "NSE:SBIN"));
    wait.until(ExpectedConditions.textToBe(By.id("live-state"), "live"));
    String before = visible(By.id("watchlist")).getText();
    wait.until(d -> !d.findElement(By.id("watchlist")).getText().equals(before));

    // An order a program places shows up at once: while the stream is up the page does not poll
    // (it would every 4 s), so only the stream can bring it within 3 s.
    Api.Reply fromAProgram =
        api.fresh()
            .post(
                "/api/v1/orders",
                Api.json(
                    "account",
                    "PAPER1",
                    "exchange",
                    "NSE",
                    "symbol",
                    "ITC",
                    "side",
                    "BUY",
                    "quantity",
                    2,
                    "orderType",
                    "MARKET",
                    "productType",
                    "INTRADAY"),
                "X-API-Key",
                trader.firstKey);
    assertEquals(201, fromAProgram.status(), fromAProgram.toString());
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(3))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders"), "NSE:ITC"));

    // Search as you type; the pick joins the watchlist and the ticket, with its depth and chart.
    type(By.id("symbol-search"), "infosys");
    click(By.xpath("//ul[@id='search-results']//button[contains(., 'NSE:INFY')]"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("picked-title"), "NSE:INFY"));
    assertEquals(
        "INFY", visible(By.cssSelector("#order-ticket input[name=symbol]")).getAttribute("value"));
    wait.until(d -> d.findElements(By.cssSelector("#depth tbody tr")).size() >= 1);
    assertTrue(visible(By.id("depth")).getText().contains("Bid"));
    wait.until(
        d ->
            !d.findElements(By.cssSelector("#chart canvas")).isEmpty()
                && Integer.parseInt(
                        d.findElement(By.id("chart")).getAttribute("data-candles").isEmpty()
                            ? "0"
                            : d.findElement(By.id("chart")).getAttribute("data-candles"))
                    >= 1);
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    shot("trading-screen");

    // A resting LIMIT order: the ticket says what it is worth; the book changes it in a dialog.
    BigDecimal under =
        api.fresh()
            .get("/api/v1/quotes?exchange=NSE&symbol=INFY", "X-API-Key", trader.firstKey)
            .json()
            .getJsonNumber("lastPrice")
            .bigDecimalValue()
            .multiply(new BigDecimal("0.9"))
            .setScale(0, java.math.RoundingMode.DOWN);
    new Select(visible(By.cssSelector("#order-ticket select[name=orderType]")))
        .selectByValue("LIMIT");
    type(By.cssSelector("#order-ticket input[name=price]"), under.toPlainString());
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-figures"), "order value"));
    click(By.cssSelector("#order-ticket button[type=submit]"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-result"), "OPEN"));
    click(By.xpath("//section[@id='orders']//button[text()='Modify']"));
    WebElement quantity = visible(By.cssSelector("#modify-form input[name=quantity]"));
    quantity.clear();
    quantity.sendKeys("3");
    shot("modify-dialog");
    click(By.cssSelector("#modify-form button[type=submit]"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders"), "0/3"));
    assertTrue(browser.findElements(By.cssSelector("dialog[open]")).isEmpty(), "the dialog closed");

    // The Excel add-in's page: how to install it, and its manifest from this server.
    click(By.linkText("Excel add-in"));
    WebElement manifest = visible(By.id("manifest-link"));
    assertTrue(manifest.getAttribute("href").endsWith("/excel/manifest.xml"));
    assertTrue(visible(By.tagName("main")).getText().contains("Upload My Add-in"));

    // The option chain: calls and puts by strike, the market's hours, and a call bought in lots.
    click(By.linkText("Options"));
    wait.until(d -> d.findElements(By.cssSelector("#option-chain tbody tr")).size() == 13);
    assertTrue(
        visible(By.id("market-status")).getText().contains("Market open at all hours"),
        "the test server trades at all hours");
    assertEquals(1, browser.findElements(By.cssSelector("#option-chain tr.atm")).size());
    click(
        By.xpath(
            "//table[contains(@class,'chain')]//tr[contains(@class,'atm')]//button[text()='Buy'][1]"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("option-picked"), "_CE"));
    assertTrue(visible(By.id("option-picked")).getText().contains("lot 75"));
    shot("option-chain");
    click(By.cssSelector("#option-ticket button[type=submit]"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("option-result"), "COMPLETE"));
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException stillBeingWritten) {
      return "";
    }
  }

  /** Picks the accounts of a form's member rows, with multipliers 1, 2 and 0.5. */
  private static void members(String form, List<String> accounts) {
    List<String> multipliers = List.of("1", "2", "0.5");
    for (int i = 0; i < accounts.size(); i++) {
      new Select(visible(By.cssSelector(form + " select[name=account" + (i + 1) + "]")))
          .selectByValue(accounts.get(i));
      WebElement m = visible(By.cssSelector(form + " input[name=multiplier" + (i + 1) + "]"));
      m.clear();
      m.sendKeys(multipliers.get(i));
    }
  }

  @Test
  void aTraderAddsAKiteAccountAndLogsInToKiteFromTheAccountsPage(Api api, KiteStandIn kite)
      throws Exception {
    try {
      addAKiteAccountAndLogIn(api, kite);
    } finally {
      // The next test starts from a fresh page in a browser nobody is signed in to.
      browser.manage().deleteAllCookies();
      browser.get("about:blank");
    }
  }

  private static String kite1Row(String accounts) {
    return Arrays.stream(accounts.split("\n"))
        .filter(l -> l.contains("KITE1"))
        .findFirst()
        .orElse("");
  }

  private static void addAKiteAccountAndLogIn(Api api, KiteStandIn kite) throws Exception {
    Trader trader = Trader.register(api);
    KiteStandIn.App app =
        kite.register(
            api.base() + "/api/v1/brokers/KITE/callback",
            api.base() + "/api/v1/brokers/KITE/postback");
    browser.manage().deleteAllCookies();
    browser.get(api.base() + "/#/login");
    // A fresh page: whoever an earlier test left signed in on this page is gone with the cookies.
    browser.navigate().refresh();
    type(By.name("username"), trader.username);
    type(By.name("password"), trader.password);
    click(By.cssSelector("#login-form button[type=submit]"));
    wait.until(ExpectedConditions.urlContains("#/trade"));

    browser.get(api.base() + "/#/accounts");
    type(By.cssSelector("#add-account input[name=pseudoAccount]"), "KITE1");
    new Select(browser.findElement(By.cssSelector("#add-account select[name=broker]")))
        .selectByVisibleText("KITE");
    type(By.cssSelector("#add-account input[name=loginId]"), "AB1234");
    type(
        By.cssSelector("#add-account textarea[name=credentials]"),
        "{\"apiKey\":\"" + app.apiKey() + "\",\"apiSecret\":\"" + app.apiSecret() + "\"}");
    click(By.cssSelector("#add-account button[type=submit]"));
    type(By.cssSelector(".stepup input[name=password]"), trader.password);
    click(By.cssSelector(".stepup button[type=submit]"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("trading-accounts"), "LOGIN_REQUIRED"));

    // Off to Kite's login page (the stand-in signs the trader in at once) and back.
    click(By.xpath("//button[text()='Log in to broker']"));
    wait.until(ExpectedConditions.urlToBe(api.base() + "/#/accounts"));
    // The page loads afresh after Kite's redirect: wait for the account's row itself, not merely
    // for "LOGIN_REQUIRED" to be gone (an empty list, still loading, has no such text either).
    wait.until(
        d -> {
          try {
            String row = kite1Row(d.findElement(By.id("trading-accounts")).getText());
            return row.contains("VALID") && !row.contains("LOGIN_REQUIRED");
          } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
            // The list was redrawn between finding it and reading it: look again.
            return false;
          }
        });
    String accounts = browser.findElement(By.id("trading-accounts")).getText();
    assertTrue(kite1Row(accounts).contains("VALID"), accounts);
    shot("kite-logged-in");
  }

  @Test
  void everyPageCarriesTheSecurityHeadersAndNoInlineScript(Api api) throws Exception {
    // HTTP/1.1 as browsers speak it on plain http (see OpenApiIT: Liberty hangs on an h2c upgrade
    // of a page).
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String page = null;
    for (String path :
        List.of(
            "/",
            "/index.html",
            "/ui/app.js",
            "/ui/pages/security.js",
            "/ui/pages/excel.js",
            "/ui/app.css")) {
      HttpResponse<String> reply =
          http.send(
              HttpRequest.newBuilder(URI.create(api.base() + path))
                  .timeout(Duration.ofSeconds(20))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, reply.statusCode(), path);
      String policy = reply.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(
          policy.contains("script-src 'self'")
              && policy.contains("frame-ancestors 'none'")
              && !policy.contains("unsafe-inline"),
          path + ": " + policy);
      assertEquals(
          "nosniff", reply.headers().firstValue("X-Content-Type-Options").orElse(""), path);
      assertEquals("no-referrer", reply.headers().firstValue("Referrer-Policy").orElse(""), path);
      if (path.endsWith(".js")) {
        assertTrue(
            reply.headers().firstValue("Content-Type").orElse("").contains("javascript"),
            path + " must be served as JavaScript for a module script to run");
      }
      page = page == null ? reply.body() : page;
    }
    assertFalse(
        page.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "no inline script in the page");
    assertFalse(
        page.contains(" style=") || page.contains(" onclick="), "no inline styles or handlers");
  }

  private static WebElement visible(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  private static void type(By locator, String text) {
    visible(locator).sendKeys(text);
  }

  /**
   * Clicks what the locator finds once it is clickable. The book and lists are redrawn from the
   * push stream, so an element found a moment ago may be replaced before the click lands: then it
   * is looked up again rather than failing on the stale one.
   */
  private static void click(By locator) {
    wait.until(
        d -> {
          WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(d);
          if (element == null) {
            return false;
          }
          try {
            element.click();
            return true;
          } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
            return false;
          }
        });
  }

  private static void uncheck(By locator) {
    WebElement box = visible(locator);
    if (box.isSelected()) {
      box.click();
    }
  }

  private static void shot(String name) throws Exception {
    Files.write(
        SCREENSHOTS.resolve(name + ".png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
