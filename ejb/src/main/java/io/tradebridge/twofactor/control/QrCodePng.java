package io.tradebridge.twofactor.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.QrGenerator;
import dev.samstevens.totp.util.Utils;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Renders java-totp's {@link QrData} as a QR code PNG, as java-totp's {@link QrGenerator}. Ours
 * rather than the library's ZxingPngQrGenerator, which lets zxing scale the code to a fixed size:
 * that left modules of uneven width, and about one code in a hundred did not scan (QrCodePngTest
 * scans 300).
 */
public final class QrCodePng implements QrGenerator {

  /** About this many pixels wide; each module gets a whole number of pixels, so no module blurs. */
  private static final int TARGET_SIZE = 264;

  /**
   * The quiet zone the QR standard asks for: cameras find codes with less only some of the time.
   */
  private static final int QUIET_ZONE_MODULES = 4;

  /** A {@code data:image/png;base64,…} URI an img tag can show. */
  public static String dataUri(QrData data) {
    QrCodePng generator = new QrCodePng();
    try {
      return Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
    } catch (QrGenerationException e) {
      throw new IllegalStateException("cannot draw the QR code", e);
    }
  }

  @Override
  public String getImageMimeType() {
    return "image/png";
  }

  @Override
  public byte[] generate(QrData data) throws QrGenerationException {
    try {
      // One pixel per module first, then scaled by a whole factor.
      BitMatrix matrix =
          new QRCodeWriter()
              .encode(
                  data.getUri(),
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      QUIET_ZONE_MODULES));
      int scale = Math.max(4, TARGET_SIZE / matrix.getWidth());
      BufferedImage image =
          new BufferedImage(
              matrix.getWidth() * scale,
              matrix.getHeight() * scale,
              BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
        }
      }
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(image, "png", png);
      return png.toByteArray();
    } catch (WriterException | IOException e) {
      throw new QrGenerationException("cannot draw the QR code", e);
    }
  }
}
