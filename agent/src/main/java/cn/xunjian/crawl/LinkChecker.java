package cn.xunjian.crawl;

import cn.xunjian.browser.NetworkScope;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Checks links over HTTP: HEAD first, GET (headers only, body not read) where HEAD is refused. At most
 * {@code perHost} requests to one host at a time. Each URL is requested once per call.
 */
public final class LinkChecker implements AutoCloseable {
    /** Statuses after which a HEAD is retried as GET: many servers refuse or mishandle HEAD. */
    private static final Set<Integer> RETRY_WITH_GET = Set.of(400, 403, 404, 405, 500, 501, 503);
    private static final String USER_AGENT = "Mozilla/5.0 (compatible; Xunjian/0.1; +https://github.com/xunjian)";

    private final HttpClient client;
    private final Duration timeout;
    private final NetworkScope scope;
    private final int perHost;
    private final ExecutorService pool;
    private final Map<String, Semaphore> hostSlots = new ConcurrentHashMap<>();

    public LinkChecker(Duration timeout, NetworkScope scope, int perHost, int threads) {
        this.timeout = timeout;
        this.scope = scope;
        this.perHost = perHost;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(timeout).build();
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
            futures.computeIfAbsent(url, u -> pool.submit(() -> checkOne(u)));
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

    LinkStatus checkOne(String url) throws InterruptedException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new LinkStatus(url, 0, "链接地址格式错误", "", 0, false);
        }
        if (!scope.allows(uri)) {
            return LinkStatus.skipped(url);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        Semaphore slot = hostSlots.computeIfAbsent(host + ":" + uri.getPort(), h -> new Semaphore(perHost));
        slot.acquire();
        long start = System.nanoTime();
        try {
            LinkStatus head = request(uri, url, "HEAD", start);
            if (head.error() == null && RETRY_WITH_GET.contains(head.status())) {
                return request(uri, url, "GET", start);
            }
            return head;
        } finally {
            slot.release();
        }
    }

    private LinkStatus request(URI uri, String url, String method, long start) throws InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
            resp.body().close(); // headers decide; attachments are never downloaded whole
            boolean downgrade = "https".equals(uri.getScheme())
                    && resp.headers().firstValue("Location").orElse("").startsWith("http:");
            if (resp.statusCode() >= 300 && resp.statusCode() < 400 && !downgrade) {
                // the client followed as many redirects as it allows and still got one: a loop or an endless chain
                // (an https page sending to http is not followed by the client but opens in a browser)
                return new LinkStatus(url, resp.statusCode(), "重定向次数过多（循环跳转）", method, millis(start), false);
            }
            return new LinkStatus(url, resp.statusCode(), null, method, millis(start), false);
        } catch (HttpConnectTimeoutException e) {
            return new LinkStatus(url, 0, "连接超时", method, millis(start), false);
        } catch (HttpTimeoutException e) {
            return new LinkStatus(url, 0, "响应超时（" + timeout.toSeconds() + "秒）", method, millis(start), false);
        } catch (ConnectException e) {
            return new LinkStatus(url, 0, causeIs(e, UnknownHostException.class) ? "域名解析失败（DNS）" : "连接被拒绝",
                    method, millis(start), false);
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new LinkStatus(url, 0, causeIs(e, UnknownHostException.class) ? "域名解析失败（DNS）" : "网络错误：" + m,
                    method, millis(start), false);
        } catch (IllegalArgumentException e) {
            return new LinkStatus(url, 0, "链接地址格式错误", method, millis(start), false);
        }
    }

    private static boolean causeIs(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Convenience for a list in order. */
    public List<LinkStatus> checkAll(Collection<String> urls) throws InterruptedException {
        return new ArrayList<>(check(urls).values());
    }
}
