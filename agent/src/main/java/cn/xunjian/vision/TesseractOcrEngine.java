package cn.xunjian.vision;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.sourceforge.tess4j.ITesseract;
import net.sourceforge.tess4j.Tesseract;
import net.sourceforge.tess4j.TesseractException;

/**
 * Tesseract through tess4j with Simplified Chinese and English. Small images are upscaled first: footer marks
 * are typically 12-14 px text, below what Tesseract reads reliably. One engine instance is not thread-safe, so
 * calls are serialised.
 */
public final class TesseractOcrEngine implements OcrEngine {
    private static final List<String> TESSDATA_DIRS = List.of(
            "/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata");

    private final ITesseract tesseract;

    public TesseractOcrEngine() {
        this(locateTessdata());
    }

    public TesseractOcrEngine(Path tessdata) {
        Tesseract t = new Tesseract();
        t.setDatapath(tessdata.toString());
        t.setLanguage("chi_sim+eng");
        t.setPageSegMode(6); // a single uniform block of text: footer marks are one or two lines
        t.setVariable("preserve_interword_spaces", "1");
        t.setVariable("user_defined_dpi", "300");
        this.tesseract = t;
    }

    /** The tessdata folder from {@code TESSDATA_PREFIX} or Debian's locations. */
    public static Path locateTessdata() {
        String env = System.getenv("TESSDATA_PREFIX");
        if (env != null && Files.isRegularFile(Path.of(env, "chi_sim.traineddata"))) {
            return Path.of(env);
        }
        for (String dir : TESSDATA_DIRS) {
            if (Files.isRegularFile(Path.of(dir, "chi_sim.traineddata"))) {
                return Path.of(dir);
            }
        }
        throw new OcrException("未找到 Tesseract 中文语言数据 chi_sim.traineddata；请安装 Debian 软件包 "
                + "tesseract-ocr tesseract-ocr-chi-sim libtesseract-dev libleptonica-dev", null);
    }

    @Override
    public synchronized String read(BufferedImage image) {
        double factor = image.getHeight() < 120 ? 3.0 : image.getHeight() < 300 ? 2.0 : 1.0;
        BufferedImage prepared = ImageScaling.scale(image, factor);
        try {
            return tesseract.doOCR(prepared).strip();
        } catch (TesseractException | UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new OcrException("OCR 失败：" + e.getMessage(), e);
        }
    }
}
