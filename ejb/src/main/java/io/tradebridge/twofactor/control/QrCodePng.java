package io.tradebridge.twofactor.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/** Renders text as a QR code PNG, returned as a {@code data:image/png;base64,…} URI an img tag can show. */
public final class QrCodePng {

  /** About this many pixels wide; each module gets a whole number of pixels, so no module blurs. */
  private static final int TARGET_SIZE = 264;
  /** The quiet zone the QR standard asks for: cameras find codes with less only some of the time. */
  private static final int QUIET_ZONE_MODULES = 4;

  private QrCodePng() {}

  public static String dataUri(String text) {
    try {
      // One pixel per module first, then scaled by a whole factor: zxing's own scaling to a fixed
      // size left modules of uneven width, and about one code in a hundred did not scan.
      BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE_MODULES));
      int scale = Math.max(4, TARGET_SIZE / matrix.getWidth());
      BufferedImage image = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale,
          BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
        }
      }
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(image, "png", png);
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    } catch (WriterException e) {
      throw new IllegalStateException("cannot encode the QR code", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
