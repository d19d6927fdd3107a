package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class TwoFactorIT {

  /**
   * Reads the QR code PNG back to its text (as a clean image: zxing's camera-photo detector misses
   * some synthetic images; QrCodePngTest reads 300 of them).
   */
  private static String scan(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      int[] pixels =
          image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
      LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
      return new QRCodeReader()
          .decode(
              new BinaryBitmap(new HybridBinarizer(source)),
              java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
          .getText();
    } catch (Exception e) {
      throw new AssertionError("the QR code does not scan", e);
    }
  }

  @Test
  void setupGivesAScannableQrCodeAndNothingIsActiveUntilACodeConfirmsIt(Api api) {
    Trader trader = Trader.register(api).login();
    Api.Reply setup =
        trader.browser.post("/api/v1/security/totp/setup", Api.json("password", trader.password));
    assertEquals(200, setup.status(), setup.toString());
    String qr = setup.json().getString("qrCodePng");
    assertTrue(qr.startsWith("data:image/png;base64,"), qr);
    byte[] png = Base64.getDecoder().decode(qr.substring(qr.indexOf(',') + 1));
    assertEquals((byte) 0x89, png[0]);
    assertEquals('P', png[1]);
    String uri = setup.json().getString("otpauthUri");
    // java-totp writes the label's ':' as %3A, which the Key URI format allows and authenticator
    // apps read.
    assertTrue(
        uri.startsWith("otpauth://totp/Tradebridge%3A")
            && uri.contains("secret=" + setup.json().getString("secret"))
            && uri.contains("issuer=Tradebridge"),
        uri);
    assertEquals(uri, scan(png), "the QR code scans to the otpauth URI an authenticator app needs");

    assertTrue(
        trader.browser.get("/api/v1/me").json().getJsonObject("totp").getBoolean("login") == false);
    Api.Reply login =
        api.fresh()
            .post(
                "/api/v1/auth/login",
                Api.json("username", trader.username, "password", trader.password));
    assertEquals(
        "AUTHENTICATED",
        login.json().getString("status"),
        "setup alone must not lock the user out");
  }

  @Test
  void loginAsksForACodeAndAUsedCodeIsRefusedTheSecondTime(Api api) {
    Trader trader = Trader.register(api).login().enableTwoFactor(true, false);
    assertEquals(10, trader.recoveryCodes.size());

    Api phone = api.fresh();
    Api.Reply first =
        phone.post(
            "/api/v1/auth/login",
            Api.json("username", trader.username, "password", trader.password));
    assertEquals("TOTP_REQUIRED", first.json().getString("status"));
    String code = trader.authenticator.nextCode();
    Api.Reply ok =
        phone.post(
            "/api/v1/auth/login/totp",
            Api.json("challengeId", first.json().getString("challengeId"), "code", code));
    assertEquals(200, ok.status(), ok.toString());
    assertEquals("AUTHENTICATED", ok.json().getString("status"));

    Api thief = api.fresh();
    Api.Reply again =
        thief.post(
            "/api/v1/auth/login",
            Api.json("username", trader.username, "password", trader.password));
    Api.Reply replay =
        thief.post(
            "/api/v1/auth/login/totp",
            Api.json("challengeId", again.json().getString("challengeId"), "code", code));
    assertEquals(401, replay.status(), replay.toString());
    assertEquals("TOTP_INVALID", replay.code());
    assertEquals(401, thief.get("/api/v1/me").status(), "no session for the replayed code");
  }

  @Test
  void aRecoveryCodeWorksExactlyOnce(Api api) {
    Trader trader = Trader.register(api).login().enableTwoFactor(true, false);
    String recovery = trader.recoveryCodes.get(3);

    Api.Reply first =
        api.fresh()
            .post(
                "/api/v1/auth/login",
                Api.json("username", trader.username, "password", trader.password));
    Api.Reply used =
        api.fresh()
            .post(
                "/api/v1/auth/login/totp",
                Api.json(
                    "challengeId",
                    first.json().getString("challengeId"),
                    "code",
                    recovery.toUpperCase()));
    assertEquals(200, used.status(), used.toString());

    Api.Reply second =
        api.fresh()
            .post(
                "/api/v1/auth/login",
                Api.json("username", trader.username, "password", trader.password));
    Api.Reply reused =
        api.fresh()
            .post(
                "/api/v1/auth/login/totp",
                Api.json("challengeId", second.json().getString("challengeId"), "code", recovery));
    assertEquals(401, reused.status(), reused.toString());
    assertEquals("TOTP_INVALID", reused.code());
  }

  @Test
  void aChallengeIdAloneOpensNoSessionAndAWrongCodeIsRefused(Api api) {
    Trader trader = Trader.register(api).login().enableTwoFactor(true, false);
    Api.Reply first =
        api.fresh()
            .post(
                "/api/v1/auth/login",
                Api.json("username", trader.username, "password", trader.password));
    Api.Reply wrong =
        api.fresh()
            .post(
                "/api/v1/auth/login/totp",
                Api.json("challengeId", first.json().getString("challengeId"), "code", "000000"));
    assertEquals(401, wrong.status());
    Api.Reply forged =
        api.fresh()
            .post(
                "/api/v1/auth/login/totp",
                Api.json("challengeId", "forged-challenge", "code", "123456"));
    assertEquals(401, forged.status());
    assertEquals("UNAUTHENTICATED", forged.code());
  }

  @Test
  void choosingStepsAndTurningTwoFactorOffNeedPasswordAndCode(Api api) {
    Trader trader = Trader.register(api).login().enableTwoFactor(true, true);
    Api.Reply noCode =
        trader.browser.put(
            "/api/v1/security/totp",
            Api.json("password", trader.password, "code", "", "login", false, "credentials", true));
    assertEquals(400, noCode.status(), noCode.toString());

    Api.Reply changed =
        trader.browser.put(
            "/api/v1/security/totp",
            Api.json(
                "password",
                trader.password,
                "code",
                trader.authenticator.nextCode(),
                "login",
                false,
                "credentials",
                true));
    assertEquals(200, changed.status(), changed.toString());
    assertEquals(
        false, trader.browser.get("/api/v1/me").json().getJsonObject("totp").getBoolean("login"));

    Api.Reply wrongPassword =
        trader.browser.deleteWithBody(
            "/api/v1/security/totp", Api.json("password", "wrong password here", "code", "000000"));
    assertEquals(401, wrongPassword.status());
    Api.Reply off =
        trader.browser.deleteWithBody(
            "/api/v1/security/totp",
            Api.json("password", trader.password, "code", trader.authenticator.nextCode()));
    assertEquals(204, off.status(), off.toString());
    assertEquals(
        false,
        trader.browser.get("/api/v1/me").json().getJsonObject("totp").getBoolean("credentials"));
  }
}
