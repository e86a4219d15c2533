package cn.xunjian.vision;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** ZXing QR decoding with TRY_HARDER; small images are upscaled so module edges survive binarisation. */
public final class ZxingQrDecoder implements QrDecoder {

    @Override
    public List<String> decode(BufferedImage image) {
        BufferedImage prepared = image.getWidth() < 200 ? ImageScaling.scale(image, 3.0) : ImageScaling.scale(image, 1.0);
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(prepared)));
        List<String> texts = new ArrayList<>();
        try {
            for (Result r : new QRCodeMultiReader().decodeMultiple(bitmap, hints)) {
                if (!texts.contains(r.getText())) {
                    texts.add(r.getText());
                }
            }
        } catch (NotFoundException e) {
            return List.of();
        }
        return texts;
    }
}
