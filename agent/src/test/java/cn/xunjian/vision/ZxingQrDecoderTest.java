package cn.xunjian.vision;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZxingQrDecoderTest {
    private static BufferedImage qr(String text, int size) throws Exception {
        var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 1));
        return MatrixToImageWriter.toBufferedImage(matrix);
    }

    @Test
    void decodesAQrCodeWithChineseText() throws Exception {
        assertThat(new ZxingQrDecoder().decode(qr("http://127.0.0.1:8080/h5/?from=临江发布", 240)))
                .containsExactly("http://127.0.0.1:8080/h5/?from=临江发布");
    }

    @Test
    void decodesASmallFooterSizedQrCode() throws Exception {
        assertThat(new ZxingQrDecoder().decode(qr("https://mp.example.cn/ljfb", 90)))
                .containsExactly("https://mp.example.cn/ljfb");
    }

    @Test
    void decodesAQrCodePlacedInsideALargerImage() throws Exception {
        BufferedImage canvas = new BufferedImage(600, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 300);
        g.drawImage(qr("http://127.0.0.1/app", 150), 400, 100, null);
        g.dispose();
        assertThat(new ZxingQrDecoder().decode(canvas)).containsExactly("http://127.0.0.1/app");
    }

    @Test
    void anImageWithoutAQrCodeGivesNothing() {
        BufferedImage blank = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
        assertThat(new ZxingQrDecoder().decode(blank)).isEmpty();
    }
}
