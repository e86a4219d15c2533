package cn.xunjian.vision;

/** OCR could not run on an image; recorded as a finding note, never fatal. */
public final class OcrException extends RuntimeException {
    public OcrException(String message, Throwable cause) {
        super(message, cause);
    }
}
