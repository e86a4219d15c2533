package cn.xunjian.crawl;

import java.time.Duration;

/**
 * How far and how hard a crawl may go.
 *
 * @param maxPages most HTML pages fetched and parsed; further same-site pages are only checked for reachability
 * @param maxDepth most link steps from the start page for a page to be parsed
 * @param perHost most requests in flight to one host (host and port)
 * @param minDelay least time between the starts of two requests to one host
 * @param timeout time allowed for one request, headers and body together
 * @param maxPageBytes most bytes of one HTML page read; a longer page is truncated and reported in the notes
 */
public record CrawlLimits(int maxPages, int maxDepth, int perHost, Duration minDelay, Duration timeout,
                          long maxPageBytes) {
    public CrawlLimits {
        if (maxPages < 1 || maxDepth < 0 || perHost < 1 || minDelay.isNegative() || timeout.isNegative()
                || timeout.isZero() || maxPageBytes < 1) {
            throw new IllegalArgumentException("invalid crawl limits: " + maxPages + ", " + maxDepth + ", "
                    + perHost + ", " + minDelay + ", " + timeout + ", " + maxPageBytes);
        }
    }

    /** The defaults from {@code crawl.json}. */
    public static CrawlLimits defaults() {
        CrawlRules.Limits l = CrawlRules.standard().limits();
        return new CrawlLimits(l.maxPages(), l.maxDepth(), l.perHost(), Duration.parse(l.minDelay()),
                Duration.parse(l.timeout()), l.maxPageBytes());
    }

    public CrawlLimits withMaxPages(int pages) {
        return new CrawlLimits(pages, maxDepth, perHost, minDelay, timeout, maxPageBytes);
    }
}
