package cn.xunjian.crawl;

import cn.xunjian.net.HttpStack;
import java.time.Duration;

/**
 * Downloads attachments (PDF, Word, Excel…) that a crawl found, so that the text in them can be read: one GET
 * through the audit's {@link HttpStack} (its scope on every redirect hop, its per-host limits), at most
 * {@code maxBytes} of the body kept, within {@code timeout}. The crawl itself never downloads them; only the
 * audit does, after the crawl.
 */
public final class AttachmentFetcher {
    private final HttpFetcher fetcher;
    private final long maxBytes;
    private final Duration timeout;

    /** What a download came to. */
    public sealed interface Download permits Downloaded, TooLarge, Failed {
        /** The URL asked for. */
        String url();
    }

    /**
     * The whole body of a 200 answer.
     *
     * @param finalUrl the URL that answered, after redirects
     * @param contentType its {@code Content-Type}, or null
     */
    public record Downloaded(String url, String finalUrl, String contentType, byte[] body) implements Download {
    }

    /** A body longer than the cap: not kept, since a part of a document cannot be parsed. */
    public record TooLarge(String url, long maxBytes) implements Download {
    }

    /** No body: an error status, a refused hop, a network failure or a timeout, described in Chinese. */
    public record Failed(String url, String reason) implements Download {
    }

    public AttachmentFetcher(HttpStack http, long maxBytes, Duration timeout) {
        if (maxBytes < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("invalid attachment limits: " + maxBytes + ", " + timeout);
        }
        this.fetcher = new HttpFetcher(http, timeout, CrawlLimits.defaults().maxPageBytes(),
                new UrlNormalizer(CrawlRules.standard().traps()));
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    /** Downloads {@code url}; never throws for a network or HTTP problem. */
    public Download fetch(String url) throws InterruptedException {
        HttpFetcher.Fetched f = fetcher.attachment(url, maxBytes, timeout);
        if (f.status().skipped()) {
            return new Failed(url, "超出允许访问的网络范围");
        }
        if (f.status().error() != null) {
            return new Failed(url, f.status().error());
        }
        if (f.status().status() != 200) {
            return new Failed(url, "HTTP " + f.status().status());
        }
        if (f.truncated()) {
            return new TooLarge(url, maxBytes);
        }
        return new Downloaded(url, f.finalUrl(), f.contentType(), f.body() == null ? new byte[0] : f.body());
    }
}
