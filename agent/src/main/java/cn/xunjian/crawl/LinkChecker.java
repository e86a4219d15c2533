package cn.xunjian.crawl;

import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks a set of links over HTTP in parallel, each URL once per call, with the crawler's fetcher: HEAD first,
 * GET cut off after the headers where HEAD is refused, redirects followed by the stack (so loops are reported and
 * every hop stays in scope), within the stack's per-host limit. For checks that hold a list of links (the home page, a web view)
 * rather than a site to crawl.
 */
public final class LinkChecker implements AutoCloseable {
    private final HttpFetcher fetcher;
    private final HttpStack ownStack;
    private final ExecutorService pool;

    /** A checker with a stack of its own: at most {@code perHost} requests to one host at a time. */
    public LinkChecker(Duration timeout, NetworkScope scope, int perHost, int threads) {
        this(HttpStack.builder(scope).perHost(perHost, CrawlLimits.defaults().minDelay()).timeout(timeout).build(),
                timeout, threads, true);
    }

    /** A checker that sends its requests through {@code http} (its scope and per-host limits), not closing it. */
    public LinkChecker(HttpStack http, Duration timeout, int threads) {
        this(http, timeout, threads, false);
    }

    private LinkChecker(HttpStack http, Duration timeout, int threads, boolean owned) {
        this.fetcher = new HttpFetcher(http, timeout, CrawlLimits.defaults().maxPageBytes(),
                new UrlNormalizer(CrawlRules.standard().traps()));
        this.ownStack = owned ? http : null;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "link-check");
            t.setDaemon(true);
            return t;
        });
    }

    /** Checks every distinct URL; the map keeps the order of first appearance. */
    public Map<String, LinkStatus> check(Collection<String> urls) throws InterruptedException {
        Map<String, Future<LinkStatus>> futures = new LinkedHashMap<>();
        for (String url : urls) {
            futures.computeIfAbsent(url, u -> pool.submit(() -> fetcher.check(u)));
        }
        Map<String, LinkStatus> result = new LinkedHashMap<>();
        for (var e : futures.entrySet()) {
            try {
                result.put(e.getKey(), e.getValue().get());
            } catch (ExecutionException ex) {
                result.put(e.getKey(), new LinkStatus(e.getKey(), 0, "检查出错：" + ex.getCause(), "", 0, false));
            }
        }
        return result;
    }

    /** Convenience for a list in order. */
    public List<LinkStatus> checkAll(Collection<String> urls) throws InterruptedException {
        return new ArrayList<>(check(urls).values());
    }

    @Override
    public void close() {
        pool.shutdownNow();
        if (ownStack != null) {
            ownStack.close();
        }
    }
}
