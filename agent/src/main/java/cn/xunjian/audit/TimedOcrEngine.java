package cn.xunjian.audit;

import cn.xunjian.vision.OcrEngine;
import java.awt.image.BufferedImage;

/** An OCR engine whose reads count in one site's {@code ocr} phase. */
record TimedOcrEngine(OcrEngine engine, PhaseTimer timer) implements OcrEngine {
    @Override
    public String read(BufferedImage image) {
        try (PhaseTimer.Lap lap = timer.lap("ocr")) {
            return engine.read(image);
        }
    }
}
