package cn.xunjian.browser;

/** Chromium is not installed or cannot start; the message says which package to install. */
public final class BrowserUnavailableException extends RuntimeException {
    public BrowserUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
