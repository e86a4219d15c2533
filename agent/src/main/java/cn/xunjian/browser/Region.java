package cn.xunjian.browser;

/** A rectangle of the viewport in CSS pixels, for OCR or QR reading of something that is not one element. */
public record Region(double x, double y, double width, double height) {
    public Region {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("region must have a positive size");
        }
    }
}
