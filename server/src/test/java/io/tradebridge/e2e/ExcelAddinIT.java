package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.tradebridge.excel.control.ClientIds;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Excel add-in (API.md, "Excel add-in"). Excel cannot run here, so Office's side is the one
 * thing stood in for: Chromium loads the real task pane from the server, and its request for
 * Microsoft's office.js ({@code https://appsforoffice.microsoft.com/lib/1/hosted/office.js}) is
 * sent by Chromium's host resolver rules to a local HTTPS server that answers with {@code
 * office-standin/office.js}, an in-memory workbook behind the Office.js API. The add-in's modules
 * are also unit-tested in Node against Microsoft's office-addin-mock, and the manifest is checked
 * against the rules Microsoft documents for it.
 */
@ExtendWith(SharedServer.class)
class ExcelAddinIT {

  private static final Path WORK = Path.of("target", "addin-tests").toAbsolutePath();
  private static final Path MODULES =
      Path.of(
          "..", "excel-addin-bridge", "src", "main", "resources", "META-INF", "resources", "excel");
  private static final Path NODE_TESTS =
      Path.of("..", "excel-addin-bridge", "src", "test", "addin");

  private static HttpsServer office;
  private static WebDriver browser;
  private static WebDriverWait wait;

  @BeforeAll
  static void standInForOfficeAndOpenTheTaskPaneHost() throws Exception {
    office = officeStandIn();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=900,1000",
        "--disable-gpu",
        "--host-resolver-rules=MAP appsforoffice.microsoft.com 127.0.0.1:"
            + office.getAddress().getPort(),
        // The stand-in's certificate is made here, for this run: nothing trusts it otherwise.
        "--ignore-certificate-errors");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")))
            .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterAll
  static void closeBrowserAndStandIn() {
    if (browser != null) {
      browser.quit();
    }
    if (office != null) {
      office.stop(0);
    }
  }

  @Test
  void theAddinSignsInSendsThreeSelectedRowsWritesTheirStatusesAndKeepsAnLtpCellMoving(Api api) {
    Trader trader = Trader.register(api);
    browser.get(api.base() + "/excel/taskpane.html");
    wait.until(d -> js("return typeof window.OfficeStandIn").equals("object"));
    js(
        "OfficeStandIn.load('Orders', arguments[0])",
        List.of(
            List.of(
                "Account",
                "Exchange",
                "Symbol",
                "Side",
                "Quantity",
                "OrderType",
                "ProductType",
                "Notes"),
            List.of("PAPER1", "NSE", "SBIN", "BUY", 1, "MARKET", "MIS", "first"),
            List.of("PAPER1", "NSE", "ITC", "B", "2", "MKT", "INTRADAY", ""),
            List.of("PAPER1", "NSE", "INFY", "BUY", 3, "MARKET", "CNC", ""),
            List.of("PAPER1", "NSE", "RELIANCE", "BUY", 10.5, "MARKET", "MIS", "not selected")));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("apikey")))
        .sendKeys(trader.firstKey);
    browser.findElement(By.cssSelector("#signin button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "live"));
    assertEquals(
        "",
        String.valueOf(
            js(
                "return document.querySelector('#standin-sheet').innerText.includes('tb_') ? 'key in a cell' : ''")));

    // "Check the sheet": the bridge's own words, pointing at the cell.
    browser.findElement(By.id("check")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "valid order rows"));
    assertTrue(
        browser.findElement(By.id("problems")).getText().contains("E5"),
        browser.findElement(By.id("problems")).getText());
    assertTrue(
        browser.findElement(By.id("result")).getText().startsWith("3 valid order rows, 1 with"));

    // Rows 2–4 selected and sent: three orders, their results written beside them.
    js("OfficeStandIn.select(2, 3)");
    browser.findElement(By.id("send-selected")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "3 sent, 0 not"));
    List<String> ids = new ArrayList<>();
    for (int row = 2; row <= 4; row++) {
      String orderId = cell("J" + row);
      assertTrue(orderId.length() > 10, "row " + row + " OrderId: " + orderId);
      ids.add(orderId);
    }
    assertEquals("Status", cell("I1"));
    assertEquals("", cell("I5"), "row 5 was not selected");
    // Market orders fill on paper: the stream brings COMPLETE into the Status cells.
    wait.until(
        d ->
            cell("I2").equals("COMPLETE")
                && cell("I3").equals("COMPLETE")
                && cell("I4").equals("COMPLETE"));
    String workbookId =
        String.valueOf(js("return OfficeStandIn.property('TradebridgeWorkbookId')"));
    assertEquals(
        ClientIds.derived(workbookId, "Orders", 2, 1),
        api.fresh()
            .get("/api/v1/orders/" + ids.get(0), "X-API-Key", trader.firstKey)
            .json()
            .getString("clientOrderId"),
        "the command-line bridge's id for the same row");
    assertEquals("VeryHidden", js("return OfficeStandIn.visibility('_tradebridge')"));

    // Never twice: sending the same rows again places nothing.
    browser.findElement(By.id("send-selected")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "Nothing to send"));
    assertEquals(3, api.fresh().get("/api/v1/orders", "X-API-Key", trader.firstKey).array().size());

    // A live cell: =TRADEBRIDGE.LTP streams the last price, and moves as the market ticks.
    js("OfficeStandIn.enter('N2', '=TRADEBRIDGE.LTP(\"NSE\",\"SBIN\")')");
    wait.until(d -> cell("N2").matches("\\d+(\\.\\d+)?"));
    String first = cell("N2");
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !cell("N2").equals(first));
    js(
        "OfficeStandIn.enter('N3', '=TRADEBRIDGE.ORDER(\""
            + ids.get(1)
            + "\",\"filledQuantity\")')");
    wait.until(d -> cell("N3").equals("2"));
  }

  @Test
  void theSheetCheckAnswersInTheBridgesWordsAndRefusesAHeaderWithoutTheOrderColumns(Api api) {
    Trader trader = Trader.register(api);
    String cells =
        "{\"sheet\":\"Orders\",\"firstRow\":3,\"values\":["
            + "[\"Account\",\"Exchange\",\"Symbol\",\"Side\",\"Quantity\",\"OrderType\",\"ProductType\",\"Status\"],"
            + "[\"PAPER1\",\"NSE\",\"SBIN\",\"S\",\" 1,000 \",\"L\",\"NRML\",\"\"],"
            + "[\"PAPER1\",\"NSE\",\"ITC\",\"HOLD\",0,\"MKT\",\"MIS\",\"\"],"
            + "[\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"],"
            + "[\"PAPER1\",\"NSE\",\"INFY\",\"B\",1,\"M\",\"MIS\",\"COMPLETE\"]]}";
    Api.Reply reply =
        api.fresh().post("/api/v1/orders/workbook/check", cells, "X-API-Key", trader.firstKey);
    assertEquals(200, reply.status(), reply.toString());
    jakarta.json.JsonObject verdict = reply.json();
    assertEquals(3, verdict.getInt("headerRow"));
    assertEquals(7, verdict.getJsonObject("columns").getInt("Status"));
    jakarta.json.JsonArray rows = verdict.getJsonArray("rows");
    jakarta.json.JsonObject sell = rows.getJsonObject(0);
    assertEquals(4, sell.getInt("row"));
    assertEquals(false, sell.getBoolean("valid"), "a LIMIT order needs its price");
    assertEquals(
        "Price: is required for LIMIT orders and must be greater than 0",
        sell.getJsonArray("problems").getJsonObject(0).getString("column")
            + ": "
            + sell.getJsonArray("problems").getJsonObject(0).getString("message"),
        sell.toString());
    jakarta.json.JsonObject bad = rows.getJsonObject(1);
    assertEquals(false, bad.getBoolean("valid"));
    List<String> where =
        bad.getJsonArray("problems").stream().map(p -> p.asJsonObject().getString("cell")).toList();
    assertEquals(List.of("D5", "E5"), where, bad.toString());
    assertEquals(false, rows.getJsonObject(2).getBoolean("order"), "a blank line is not an order");
    jakarta.json.JsonObject handled = rows.getJsonObject(3);
    assertTrue(handled.getBoolean("handled"), "COMPLETE: never sent again");
    assertEquals(
        "BUY", handled.getJsonObject("request").getString("side"), "B, as traders type it");
    assertEquals("MARKET", handled.getJsonObject("request").getString("orderType"));

    Api.Reply noColumns =
        api.fresh()
            .post(
                "/api/v1/orders/workbook/check",
                "{\"values\":[[\"Symbol\",\"Qty\"],[\"SBIN\",1]]}",
                "X-API-Key",
                trader.firstKey);
    assertEquals(400, noColumns.status());
    assertTrue(noColumns.body().contains("the header lacks Account"), noColumns.body());
    assertEquals(
        400,
        api.fresh()
            .post("/api/v1/orders/workbook/check", "{\"values\":[]}", "X-API-Key", trader.firstKey)
            .status());
    assertEquals(
        401,
        api.fresh().post("/api/v1/orders/workbook/check", cells).status(),
        "a key or a session");
  }

  @Test
  void theAddinsModulesPassTheirNodeTestsAgainstOfficeAddinMock() throws Exception {
    Files.createDirectories(WORK.resolve("test"));
    Files.createDirectories(WORK.resolve("excel"));
    for (String file : List.of("package.json", "package-lock.json")) {
      Files.copy(NODE_TESTS.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    try (Stream<Path> tests = Files.list(NODE_TESTS)) {
      for (Path t : tests.filter(p -> p.toString().endsWith(".test.mjs")).toList()) {
        Files.copy(
            t, WORK.resolve("test").resolve(t.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    try (Stream<Path> modules = Files.list(MODULES)) {
      for (Path m : modules.filter(p -> p.toString().endsWith(".js")).toList()) {
        Files.copy(
            m, WORK.resolve("excel").resolve(m.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    if (!Files.isDirectory(WORK.resolve("node_modules/office-addin-mock"))) {
      assertEquals(0, run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), "npm-ci"));
    }
    String expected = ClientIds.derived("5f0c2b7e-4a61-4c3e-9f0a-1b2c3d4e5f60", "Orders", 12, 3);
    List<String> command = new ArrayList<>(List.of("node", "--test"));
    try (Stream<Path> tests = Files.list(WORK.resolve("test"))) {
      // Each file named: Node 18 and 22 read a directory argument differently.
      tests.map(p -> "test/" + p.getFileName()).sorted().forEach(command::add);
    }
    int exit = run(command, Map.of("EXPECTED_DERIVED_ID", expected), "node-test");
    assertEquals(0, exit, Files.readString(WORK.resolve("node-test.log")));
  }

  @Test
  void theManifestFollowsMicrosoftsRulesWithEveryUrlUnderThePublicAddress(Api api)
      throws Exception {
    Api.Reply reply = api.fresh().get("/excel/manifest.xml");
    assertEquals(200, reply.status());
    assertTrue(reply.header("Content-Type").startsWith("application/xml"));
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document manifest =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(reply.body().getBytes(StandardCharsets.UTF_8)));
    Element root = manifest.getDocumentElement();
    String office = "http://schemas.microsoft.com/office/appforoffice/1.1";
    assertEquals(office, root.getNamespaceURI());
    assertEquals("OfficeApp", root.getLocalName());
    assertEquals(
        "TaskPaneApp", root.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"));
    // OfficeAppManifestV1_1.xsd: the children of a TaskPaneApp come in this order.
    List<String> order =
        List.of(
            "Id",
            "Version",
            "ProviderName",
            "DefaultLocale",
            "DisplayName",
            "Description",
            "IconUrl",
            "HighResolutionIconUrl",
            "SupportUrl",
            "AppDomains",
            "Hosts",
            "Requirements",
            "DefaultSettings",
            "Permissions",
            "VersionOverrides");
    List<String> children = new ArrayList<>();
    for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        children.add(e.getLocalName());
      }
    }
    assertEquals(order, children.stream().filter(order::contains).toList(), "in schema order");
    assertTrue(
        text(root, office, "Id")
            .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    assertTrue(text(root, office, "Version").matches("\\d+\\.\\d+\\.\\d+\\.\\d+"));
    assertEquals(
        "ReadWriteDocument", text(root, office, "Permissions"), "it writes results into cells");
    // Every URL under the server's public address, over HTTPS (Office loads nothing else).
    String base = SharedServer.PUBLIC_URL;
    Set<String> urls = new HashSet<>();
    NodeList all = root.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      String value = e.getAttribute("DefaultValue");
      if (value.startsWith("http")) {
        urls.add(value);
      }
      if (e.getLocalName().equals("AppDomain")) {
        urls.add(e.getTextContent());
      }
    }
    assertTrue(urls.size() >= 8, urls.toString());
    for (String url : urls) {
      assertTrue(url.startsWith(base), url + " is under " + base);
    }
    // Every resid points at a resource that exists; short strings within 125 characters.
    Set<String> ids = new HashSet<>();
    NodeList resources = root.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < resources.getLength(); i++) {
      Element e = (Element) resources.item(i);
      if (!e.getAttribute("id").isEmpty()
          && Set.of("Image", "Url", "String").contains(e.getLocalName())) {
        ids.add(e.getAttribute("id"));
        if (e.getParentNode().getLocalName().equals("ShortStrings")) {
          assertTrue(e.getAttribute("DefaultValue").length() <= 125, e.getAttribute("id"));
        }
      }
    }
    for (int i = 0; i < all.getLength(); i++) {
      String resid = ((Element) all.item(i)).getAttribute("resid");
      if (!resid.isEmpty()) {
        assertTrue(ids.contains(resid), "resid " + resid + " is defined");
      }
    }
    assertEquals(
        "TRADEBRIDGE",
        findString(root, "Functions.Namespace"),
        "the functions are TRADEBRIDGE.LTP and the like");
    // What the manifest names is served: the pane, the functions' metadata and script, the icons.
    for (String url : urls) {
      String path = url.substring(base.length());
      if (path.startsWith("/excel/")) {
        assertEquals(200, api.fresh().get(path).status(), path);
      }
    }
    jakarta.json.JsonArray functions =
        api.fresh().get("/excel/functions.json").json().getJsonArray("functions");
    assertEquals(
        List.of("LTP", "QUOTE", "POSITION", "ORDER"),
        functions.stream().map(f -> f.asJsonObject().getString("id")).toList());
    Api.Reply pane = api.fresh().get("/excel/taskpane.html");
    String policy = pane.header("Content-Security-Policy");
    assertTrue(policy.contains("script-src 'self' https://appsforoffice.microsoft.com"), policy);
    assertTrue(policy.contains("frame-ancestors https://*.officeapps.live.com"), policy);
    assertEquals(null, pane.header("X-Frame-Options"), "Excel on the web frames the task pane");
  }

  private static String text(Element root, String ns, String name) {
    return root.getElementsByTagNameNS(ns, name).item(0).getTextContent().strip();
  }

  private static String findString(Element root, String id) {
    NodeList strings = root.getElementsByTagNameNS("*", "String");
    for (int i = 0; i < strings.getLength(); i++) {
      Element e = (Element) strings.item(i);
      if (id.equals(e.getAttribute("id"))) {
        return e.getAttribute("DefaultValue");
      }
    }
    return null;
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private static String cell(String address) {
    return String.valueOf(js("return String(OfficeStandIn.cell(arguments[0]))", address));
  }

  private static int run(List<String> command, Map<String, String> env, String what)
      throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(WORK.toFile())
            .redirectErrorStream(true)
            .redirectOutput(WORK.resolve(what + ".log").toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(what + " did not finish within 300 s");
    }
    return process.exitValue();
  }

  /** An HTTPS server answering office.js with the stand-in, under a key made for this run. */
  private static HttpsServer officeStandIn() throws Exception {
    Path keystore = Files.createTempDirectory("office-standin").resolve("key.p12");
    char[] password = "standin".toCharArray();
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "office",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=appsforoffice.microsoft.com",
                "-ext",
                "SAN=dns:appsforoffice.microsoft.com",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "standin")
            .redirectErrorStream(true)
            .start();
    String out = new String(keytool.getInputStream().readAllBytes());
    assertEquals(0, keytool.waitFor(), out);
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, password);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    byte[] script;
    try (InputStream in = ExcelAddinIT.class.getResourceAsStream("/office-standin/office.js")) {
      script = in.readAllBytes();
    }
    server.createContext(
        "/lib/1/hosted/office.js",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/javascript; charset=utf-8");
          exchange.sendResponseHeaders(200, script.length);
          exchange.getResponseBody().write(script);
          exchange.close();
        });
    server.start();
    return server;
  }

  private static String firstExisting(String... paths) {
    return Stream.of(paths)
        .filter(p -> Files.isExecutable(Path.of(p)))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "install chromium and chromium-driver; looked for " + List.of(paths)));
  }
}
