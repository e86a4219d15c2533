package cn.xunjian.crawl;

import cn.xunjian.net.NetworkScope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The crawler's HTTP: HTTP/1.1 with keep-alive, redirects followed by hand (so loops and hops out of scope are
 * seen), per-host limits through {@link HostGate}, one deadline per request for headers and body together, and
 * bodies read only when wanted: pages up to a byte cap, everything else cut off after the headers.
 */
final class HttpFetcher implements AutoCloseable {
    /** Statuses after which a HEAD is retried as GET: many servers refuse or mishandle HEAD. */
    private static final Set<Integer> RETRY_WITH_GET = Set.of(400, 403, 404, 405, 500, 501, 503);
    /** Error bodies up to this size are read and dropped so that the connection can be reused. */
    private static final long DRAIN_LIMIT = 64 * 1024;

    private final PlainHttpClient plain;
    private volatile HttpClient client;
    private final Duration timeout;
    private final long maxPageBytes;
    private final int maxRedirects;
    private final String userAgent;
    private final NetworkScope scope;
    private final HostGate gate;
    private final UrlNormalizer normalizer;

    /** A page fetch: the final URL after redirects, its status, and the body when it is HTML (else null). */
    record Fetched(String finalUrl, LinkStatus status, String contentType, byte[] body, boolean truncated) {
    }

    private record Body(byte[] bytes, boolean truncated) {
    }

    HttpFetcher(CrawlLimits limits, CrawlRules rules, NetworkScope scope, UrlNormalizer normalizer) {
        this.timeout = limits.timeout();
        this.maxPageBytes = limits.maxPageBytes();
        this.maxRedirects = rules.maxRedirects();
        this.userAgent = rules.userAgent();
        this.scope = scope;
        this.normalizer = normalizer;
        this.gate = new HostGate(limits.perHost(), limits.minDelay());
        this.plain = new PlainHttpClient(timeout, userAgent, DRAIN_LIMIT);
    }

    /** The JDK client, for https only: built on first use, since a plain-http crawl never needs it. */
    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout)
                            // run the client's callbacks on its selector thread: they never block here (bodies
                            // are consumed by non-blocking subscribers), and the default pool's hand-offs cost
                            // more CPU than the requests
                            .executor(Runnable::run).build();
                    client = c;
                }
            }
        }
        return c;
    }

    /** GETs a page, following redirects; the body is kept only for a 200 HTML answer, capped at maxPageBytes. */
    Fetched page(String url) throws InterruptedException {
        return follow(url, "GET", true);
    }

    /** Checks that a URL answers, never reading a body: HEAD, and GET (cut off after the headers) if refused. */
    LinkStatus check(String url) throws InterruptedException {
        Fetched head = follow(url, "HEAD", false);
        LinkStatus s = head.status();
        if (!s.skipped() && s.error() == null && RETRY_WITH_GET.contains(s.status())) {
            return follow(url, "GET", false).status();
        }
        return s;
    }

    private Fetched follow(String url, String method, boolean wantBody) throws InterruptedException {
        long start = System.nanoTime();
        List<String> chain = new ArrayList<>();
        String current = url;
        for (int hop = 0; ; hop++) {
            URI uri;
            try {
                uri = URI.create(current);
            } catch (IllegalArgumentException e) {
                return failed(url, current, "链接地址格式错误", method, start);
            }
            if (!scope.allows(uri)) {
                return new Fetched(current, LinkStatus.skipped(url), null, null, false);
            }
            chain.add(current);
            Exchange ex = exchange(uri, method, wantBody);
            if (ex.error() != null) {
                return failed(url, current, ex.error(), method, start);
            }
            int status = ex.status();
            Optional<String> location = ex.location();
            if (status >= 300 && status < 400 && location.isPresent()) {
                Optional<String> next = resolve(uri, location.get());
                if (next.isEmpty()) {
                    return failed(url, current, "重定向地址格式错误：" + location.get(), method, start);
                }
                if (chain.contains(next.get())) {
                    chain.add(next.get());
                    return new Fetched(current, new LinkStatus(url, status, "重定向循环（" + String.join(" → ", chain)
                            + "）", method, millis(start), false), null, null, false);
                }
                if (hop >= maxRedirects) {
                    return new Fetched(current, new LinkStatus(url, status, "重定向次数过多（超过" + maxRedirects
                            + "次）", method, millis(start), false), null, null, false);
                }
                current = next.get();
                continue;
            }
            return new Fetched(current, new LinkStatus(url, status, null, method, millis(start), false),
                    ex.contentType(), ex.body() == null ? null : ex.body().bytes(),
                    ex.body() != null && ex.body().truncated());
        }
    }

    private Optional<String> resolve(URI base, String location) {
        try {
            return normalizer.normalize(base.resolve(UrlNormalizer.encodeLoosely(location.strip())).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private record Exchange(int status, String contentType, Optional<String> location, Body body, String error) {
    }

    private Exchange exchange(URI uri, String method, boolean wantBody) throws InterruptedException {
        String hostKey = uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            return plainExchange(uri, hostKey, method, wantBody);
        }
        HttpRequest req;
        try {
            req = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", userAgent)
                    .header("Accept", wantBody ? "text/html,application/xhtml+xml,*/*;q=0.8" : "*/*")
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
        } catch (IllegalArgumentException e) {
            return new Exchange(0, null, Optional.empty(), null, "链接地址格式错误");
        }
        gate.acquire(hostKey);
        CompletableFuture<HttpResponse<Body>> future = null;
        try {
            future = client().sendAsync(req, info -> subscriber(info, method, wantBody));
            HttpResponse<Body> resp = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Exchange(resp.statusCode(), resp.headers().firstValue("Content-Type").orElse(null),
                    resp.headers().firstValue("Location"), resp.body(), null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Exchange(0, null, Optional.empty(), null, "响应超时（" + timeout.toSeconds() + "秒）");
        } catch (ExecutionException e) {
            return new Exchange(0, null, Optional.empty(), null, describe(e.getCause()));
        } catch (InterruptedException e) {
            if (future != null) {
                future.cancel(true);
            }
            throw e;
        } finally {
            gate.release(hostKey);
        }
    }

    /** Plain http through {@link PlainHttpClient}: the same body rules as {@link #subscriber}. */
    private Exchange plainExchange(URI uri, String hostKey, String method, boolean wantBody)
            throws InterruptedException {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String target = target(uri);
        if (!target.chars().allMatch(c -> c < 0x80)) {
            target = target(URI.create(uri.toASCIIString())); // as a browser sends it: UTF-8, percent-encoded
        }
        String accept = wantBody ? "text/html,application/xhtml+xml,*/*;q=0.8" : "*/*";
        PlainHttpClient.BodyPolicy policy = (status, type) ->
                wantBody && status == 200 && isHtml(type) ? maxPageBytes : 0;
        gate.acquire(hostKey);
        try {
            PlainHttpClient.Response r = plain.send(method, host, uri.getPort(), target, accept, policy);
            return new Exchange(r.status(), r.contentType(), Optional.ofNullable(r.location()),
                    r.body() == null ? null : new Body(r.body(), r.truncated()), null);
        } catch (PlainHttpClient.TimeoutException e) {
            return new Exchange(0, null, Optional.empty(), null,
                    e.connecting ? "连接超时" : "响应超时（" + timeout.toSeconds() + "秒）");
        } catch (IOException | RuntimeException e) {
            return new Exchange(0, null, Optional.empty(), null, describe(e));
        } finally {
            gate.release(hostKey);
        }
    }

    private static String target(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private HttpResponse.BodySubscriber<Body> subscriber(HttpResponse.ResponseInfo info, String method,
                                                         boolean wantBody) {
        if (method.equals("HEAD")) {
            return HttpResponse.BodySubscribers.replacing(null);
        }
        String type = info.headers().firstValue("Content-Type").orElse("text/html");
        if (wantBody && info.statusCode() == 200 && isHtml(type)) {
            return new Capped(maxPageBytes, true);
        }
        long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (length >= 0 && length <= DRAIN_LIMIT) {
            return new Capped(DRAIN_LIMIT, false);
        }
        return new Capped(0, false);
    }

    /** Closes the idle keep-alive connections of the plain-http client. */
    @Override
    public void close() {
        plain.close();
    }

    static boolean isHtml(String contentType) {
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.contains("html") || t.isBlank();
    }

    static String describe(Throwable t) {
        if (t instanceof HttpConnectTimeoutException) {
            return "连接超时";
        }
        if (t instanceof HttpTimeoutException) {
            return "响应超时";
        }
        if (causeIs(t, UnknownHostException.class)) {
            return "域名解析失败（DNS）";
        }
        if (t instanceof ConnectException || causeIs(t, ConnectException.class)) {
            return "连接被拒绝";
        }
        if (t instanceof IOException) {
            return "网络错误：" + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        if (t instanceof IllegalArgumentException) {
            return "链接地址格式错误";
        }
        return "检查出错：" + t;
    }

    private static boolean causeIs(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static Fetched failed(String url, String at, String error, String method, long start) {
        return new Fetched(at, new LinkStatus(url, 0, error, method, millis(start), false), null, null, false);
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * Reads a body up to {@code cap} bytes and then cancels, which closes the connection instead of downloading
     * the rest. With {@code keep} false the bytes are dropped (the body was read only to reuse the connection).
     */
    private static final class Capped implements HttpResponse.BodySubscriber<Body> {
        private final long cap;
        private final boolean keep;
        private final CompletableFuture<Body> result = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private long read;
        private Flow.Subscription subscription;

        Capped(long cap, boolean keep) {
            this.cap = cap;
            this.keep = keep;
        }

        @Override
        public CompletionStage<Body> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (cap == 0) {
                s.cancel();
                result.complete(new Body(null, false));
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                int n = b.remaining();
                if (read + n > cap) {
                    take(b, (int) (cap - read));
                    subscription.cancel();
                    result.complete(new Body(keep ? buffer.toByteArray() : null, true));
                    return;
                }
                take(b, n);
            }
            subscription.request(1);
        }

        private void take(ByteBuffer b, int n) {
            read += n;
            if (!keep) {
                return;
            }
            byte[] chunk = new byte[n];
            b.get(chunk);
            buffer.write(chunk, 0, n);
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(new Body(keep ? buffer.toByteArray() : null, false));
        }
    }
}
