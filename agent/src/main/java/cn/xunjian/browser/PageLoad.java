package cn.xunjian.browser;

import java.time.Duration;

/** The result of opening a page in the browser. */
public sealed interface PageLoad {
    String url();

    Duration elapsed();

    /** HTTP status of the main document, 0 when no response arrived. */
    int status();

    /** The page opened (its status may still be an error status). */
    record Loaded(String url, int status, Duration elapsed, AuditPage page) implements PageLoad {
    }

    /** The page did not open: timeout, DNS, refused, TLS. {@code screenshot} shows what the browser had, may be empty. */
    record NotLoaded(String url, int status, Duration elapsed, String reason, byte[] screenshot) implements PageLoad {
    }
}
