package cn.xunjian.audit;

import cn.xunjian.vision.QrDecoder;
import java.awt.image.BufferedImage;
import java.util.List;

/** A QR decoder whose decodes count in one site's {@code qr} phase. */
record TimedQrDecoder(QrDecoder decoder, PhaseTimer timer) implements QrDecoder {
    @Override
    public List<String> decode(BufferedImage image) {
        try (PhaseTimer.Lap lap = timer.lap("qr")) {
            return decoder.decode(image);
        }
    }
}
