package cn.xunjian.crawl;

import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.model.SitePage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link PageSource} over HTTP with the crawler's fetcher (redirects, charsets, size cap, the stack's per-host limits), that
 * first answers from the pages the crawl already fetched. The crawl's pages are kept up to a character budget,
 * oldest dropped first, so a large site does not fill the memory.
 */
public final class HttpPageSource implements PageSource, AutoCloseable {
    private final HttpFetcher fetcher;
    private final HttpStack ownStack;
    private final long budgetChars;
    private final Map<String, SitePage> pages = new LinkedHashMap<>();
    private long heldChars;

    /** A page source with a stack of its own, within {@code scope} and the per-host limits of {@code limits}. */
    public HttpPageSource(CrawlLimits limits, NetworkScope scope, long budgetChars) {
        this(limits, SiteCrawler.stackFor(limits, scope), budgetChars, true);
    }

    /** A page source that fetches through {@code http}, not closing it. */
    public HttpPageSource(CrawlLimits limits, HttpStack http, long budgetChars) {
        this(limits, http, budgetChars, false);
    }

    private HttpPageSource(CrawlLimits limits, HttpStack http, long budgetChars, boolean owned) {
        this.fetcher = new HttpFetcher(http, limits.timeout(), limits.maxPageBytes(),
                new UrlNormalizer(CrawlRules.standard().traps()));
        this.ownStack = owned ? http : null;
        this.budgetChars = budgetChars;
    }

    /** Keeps a crawled page for later {@link #fetch} calls, within the budget. */
    public synchronized void offer(SitePage page) {
        if (page.html().length() > budgetChars / 4 || pages.containsKey(page.url())) {
            return;
        }
        pages.put(page.url(), page);
        heldChars += page.html().length();
        var oldest = pages.entrySet().iterator();
        while (heldChars > budgetChars && oldest.hasNext()) {
            heldChars -= oldest.next().getValue().html().length();
            oldest.remove();
        }
    }

    @Override
    public Optional<SitePage> fetch(String url) {
        synchronized (this) {
            SitePage known = pages.get(url);
            if (known != null) {
                return Optional.of(known);
            }
        }
        try {
            HttpFetcher.Fetched f = fetcher.page(url);
            if (f.body() == null || f.status().broken()) {
                return Optional.empty();
            }
            return Optional.of(new SitePage(f.finalUrl(), CharsetDetector.decode(f.body(), f.contentType()), 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Closes the idle keep-alive connections of its own stack, if it has one. */
    @Override
    public void close() {
        if (ownStack != null) {
            ownStack.close();
        }
    }
}
