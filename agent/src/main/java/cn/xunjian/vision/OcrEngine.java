package cn.xunjian.vision;

import java.awt.image.BufferedImage;

/** Reads text drawn in an image (footer marks are often image-only). */
public interface OcrEngine {
    /**
     * @return the recognised text, possibly empty
     * @throws OcrException when the engine cannot run (missing library or language data)
     */
    String read(BufferedImage image);
}
