package cn.xunjian.browser;

import java.time.Duration;
import java.util.List;

/** The result of opening a page in the browser. */
public sealed interface PageLoad {
    String url();

    Duration elapsed();

    /** HTTP status of the main document, 0 when no response arrived. */
    int status();

    /**
     * The page opened (its status may still be an error status). {@code elapsed} is the time until its content was
     * shown; {@code troubles} are the resources that had failed or were still hanging when it was taken.
     */
    record Loaded(String url, int status, Duration elapsed, AuditPage page, List<ResourceTrouble> troubles)
            implements PageLoad {
        public Loaded {
            troubles = List.copyOf(troubles);
        }

        /** A page whose resources all arrived. */
        public Loaded(String url, int status, Duration elapsed, AuditPage page) {
            this(url, status, elapsed, page, List.of());
        }
    }

    /** The page did not open: timeout, DNS, refused, TLS. {@code screenshot} shows what the browser had, may be empty. */
    record NotLoaded(String url, int status, Duration elapsed, String reason, byte[] screenshot) implements PageLoad {
    }
}
