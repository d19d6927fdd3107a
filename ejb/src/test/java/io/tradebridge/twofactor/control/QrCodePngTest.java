package io.tradebridge.twofactor.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The setup QR code must scan every time, whatever the secret and however long the username. */
class QrCodePngTest {

  private static final DefaultSecretGenerator SECRETS = new DefaultSecretGenerator(32);

  @Test
  void theUriIsWhatAuthenticatorAppsRead() {
    String uri = OtpAuthUri.of("alice", "JBSWY3DPEHPK3PXP").getUri();
    assertEquals(
        "otpauth://totp/Tradebridge%3Aalice?secret=JBSWY3DPEHPK3PXP&issuer=Tradebridge&algorithm=SHA1"
            + "&digits=6&period=30",
        uri);
  }

  @Test
  void everyGeneratedCodeScansBackToItsText() throws Exception {
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 300; i++) {
      String secret = SECRETS.generate();
      String username =
          "trader" + Math.abs(random.nextLong()) % 100000 + "x" + i + "n" + "y".repeat(i % 40);
      QrData qr = OtpAuthUri.of(username, secret);
      String uri = qr.getUri();
      String scanned;
      try {
        scanned = scan(QrCodePng.dataUri(qr));
      } catch (Exception e) {
        throw new AssertionError("QR code " + i + " for " + uri + " does not scan", e);
      }
      assertEquals(uri, scanned);
    }
  }

  private static String scan(String dataUri) throws Exception {
    byte[] png = Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
    // The PNG is a clean, unrotated code: read it as one. zxing's finder-pattern search (built for
    // camera photos) misses some synthetic images whose content is perfectly valid, which made the
    // end-to-end test fail about once a run in CI.
    return new QRCodeReader()
        .decode(
            new BinaryBitmap(new HybridBinarizer(source)),
            Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
        .getText();
  }
}
