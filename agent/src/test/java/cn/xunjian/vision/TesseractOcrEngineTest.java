package cn.xunjian.vision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.testing.TestImages;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Real Tesseract through tess4j; fails (never skips) when the native library or chi_sim data is missing. */
class TesseractOcrEngineTest {
    private final TesseractOcrEngine engine = new TesseractOcrEngine();

    @Test
    void readsTheImageOnlyPublicSecurityMarkOfTheDemoPortal() {
        BufferedImage image = ImageScaling.decode(TestImages.demo("gongan-beian.png")).orElseThrow();
        String text = engine.read(image).replaceAll("\\s+", "");
        assertThat(text).contains("公网安备").contains("33018502000123");
    }

    @Test
    void readsDigitsDrawnSmallAfterUpscaling() {
        BufferedImage image = new BufferedImage(200, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 20);
        g.setColor(Color.DARK_GRAY);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString("ICP 12345678-1", 4, 15);
        g.dispose();
        assertThat(engine.read(image).replaceAll("\\s+", "")).contains("12345678-1");
    }

    @Test
    void aBlankImageReadsAsNoText() {
        BufferedImage image = new BufferedImage(100, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 100, 30);
        g.dispose();
        assertThat(engine.read(image)).isBlank();
    }
}
