package cn.xunjian.crawl;

import cn.xunjian.net.NetworkScope;
import cn.xunjian.crawl.PageSource;
import cn.xunjian.model.SitePage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link PageSource} over HTTP with the crawler's fetcher (redirects, charsets, size cap, per-host limits), that
 * first answers from the pages the crawl already fetched. The crawl's pages are kept up to a character budget,
 * oldest dropped first, so a large site does not fill the memory.
 */
public final class HttpPageSource implements PageSource, AutoCloseable {
    private final HttpFetcher fetcher;
    private final long budgetChars;
    private final Map<String, SitePage> pages = new LinkedHashMap<>();
    private long heldChars;

    public HttpPageSource(CrawlLimits limits, NetworkScope scope, long budgetChars) {
        CrawlRules rules = CrawlRules.standard();
        this.fetcher = new HttpFetcher(limits, rules, scope, new UrlNormalizer(rules.traps()));
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

    /** Closes the idle keep-alive connections. */
    @Override
    public void close() {
        fetcher.close();
    }
}
