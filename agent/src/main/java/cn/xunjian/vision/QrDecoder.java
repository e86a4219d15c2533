package cn.xunjian.vision;

import java.awt.image.BufferedImage;
import java.util.List;

/** Finds and decodes QR codes in an image. */
public interface QrDecoder {
    /** The texts of every QR code found; empty when there is none. */
    List<String> decode(BufferedImage image);
}
