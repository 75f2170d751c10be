package com.nexo.base.pdf;

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

/**
 * QR codes as PNG images, for printed documents (an invoice's verification link). Error correction
 * level M, as the tax agency asks of the invoice QR, and the four-module quiet zone the standard needs
 * around the code.
 */
public final class QrCodes {

    private static final int QUIET_ZONE = 4;

    private QrCodes() {}

    /** The code of {@code payload} as a PNG about {@code sizePixels} wide (whole pixels per module). */
    public static byte[] png(String payload, int sizePixels) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            payload,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8",
                                    EncodeHintType.MARGIN,
                                    QUIET_ZONE));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code of " + payload.length() + " characters", e);
        }
        // Encoded at one pixel per module, then scaled by a whole factor so every module stays sharp.
        int modules = matrix.getWidth();
        int scale = Math.max(1, sizePixels / modules);
        BufferedImage image = new BufferedImage(modules * scale, modules * scale, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < modules * scale; y++) {
            for (int x = 0; x < modules * scale; x++) {
                image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** The code as a {@code data:image/png;base64,...} address, for an {@code <img>} of a template. */
    public static String pngDataUri(String payload, int sizePixels) {
        return dataUri("image/png", png(payload, sizePixels));
    }

    /** Any image as a data address. */
    static String dataUri(String contentType, byte[] bytes) {
        return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }
}
