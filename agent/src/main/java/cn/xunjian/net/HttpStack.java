package cn.xunjian.net;

import cn.xunjian.net.HttpFailure.Problem;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one HTTP client of the agent: every crawl, link check, probe, feed, hijack visit and alert goes through a
 * stack built once per audit (or daemon, or alert dispatcher), whose policies therefore apply everywhere:
 * <ul>
 *   <li>the {@link NetworkScope} is checked on every hop: redirects are followed here, never by a transport, and a
 *       hop out of scope ends the exchange as {@link OutOfScope} without a request being sent;</li>
 *   <li>redirect loops and too many redirects end it as an {@link HttpFailure};</li>
 *   <li>at most {@code perHost} requests are in flight to one host and port, {@code minDelay} apart, across
 *       everything that shares the stack;</li>
 *   <li>user agent, {@code Accept} and redirect rules come per {@link Purpose} from {@code http.json};</li>
 *   <li>an optional cookie jar ({@link CookieHandler}, off unless the builder is given one);</li>
 *   <li>retries with back-off where the caller asks ({@link #send(HttpRequest, RetryPolicy, RetryPolicy.Pause)});</li>
 *   <li>an {@link HttpEventListener} told of every request, redirect, refusal and result.</li>
 * </ul>
 * Plain-http GET and HEAD go through a small keep-alive HTTP/1.1 client made for crawling tens of thousands of
 * URLs; https and requests with a body through the JDK {@code HttpClient}. Thread-safe.
 */
public final class HttpStack implements AutoCloseable {
    /** Bodies up to this size that nobody wants are read and dropped so that the connection can be reused. */
    static final long DRAIN_LIMIT = 64 * 1024;

    private final NetworkScope scope;
    private final Duration timeout;
    private final HostGate gate;
    private final CookieHandler cookies;
    private final HttpEventListener listener;
    private final HttpSettings.Profile[] profiles;
    private final RequestHeaders[] headers;
    private final Transport plain;
    private final Transport jdk;

    private HttpStack(Builder b) {
        HttpSettings settings = HttpSettings.standard();
        this.scope = b.scope;
        this.timeout = b.timeout != null ? b.timeout : settings.timeout();
        this.gate = new HostGate(b.perHost > 0 ? b.perHost : settings.perHost(),
                b.minDelay != null ? b.minDelay : settings.minDelay());
        this.cookies = b.cookies;
        this.listener = b.listener;
        Purpose[] purposes = Purpose.values();
        this.profiles = new HttpSettings.Profile[purposes.length];
        this.headers = new RequestHeaders[purposes.length];
        for (Purpose p : purposes) {
            profiles[p.ordinal()] = settings.profile(p);
            headers[p.ordinal()] = new RequestHeaders(settings.profile(p).headerList());
        }
        this.plain = new PlainTransport(new PlainHttpClient(timeout, settings.profile(Purpose.PAGE).userAgent(),
                DRAIN_LIMIT));
        this.jdk = new JdkTransport(timeout, DRAIN_LIMIT);
    }

    /** A stack with the defaults of {@code http.json}: no cookies, no listener. */
    public static HttpStack of(NetworkScope scope) {
        return builder(scope).build();
    }

    public static Builder builder(NetworkScope scope) {
        return new Builder(scope);
    }

    public NetworkScope scope() {
        return scope;
    }

    /** The timeout of a hop whose request names none. */
    public Duration timeout() {
        return timeout;
    }

    /** Sends the request, following redirects within the scope. Never throws for a network or URL problem. */
    public HttpOutcome send(HttpRequest request) throws InterruptedException {
        long start = System.nanoTime();
        listener.requestStarted(request);
        HttpOutcome outcome = follow(request);
        listener.finished(request, outcome, System.nanoTime() - start);
        return outcome;
    }

    /**
     * Sends the request up to {@code retry.maxAttempts()} times while its outcome is {@link RetryPolicy#retryable
     * retryable}, pausing between attempts. An interrupted pause (or a later attempt interrupted) ends the retries:
     * the last outcome is returned with the thread's interrupt flag set.
     *
     * @throws InterruptedException when the first attempt is interrupted
     */
    public RetryPolicy.Tried send(HttpRequest request, RetryPolicy retry, RetryPolicy.Pause pause)
            throws InterruptedException {
        HttpOutcome last = null;
        for (int attempt = 1; ; attempt++) {
            try {
                last = send(request);
            } catch (InterruptedException e) {
                if (last == null) {
                    throw e;
                }
                Thread.currentThread().interrupt();
                return new RetryPolicy.Tried(last, attempt);
            }
            if (attempt >= retry.maxAttempts() || !retry.retryable(last)) {
                return new RetryPolicy.Tried(last, attempt);
            }
            Duration wait = retry.backoff(attempt);
            listener.retrying(request, attempt, last, wait);
            try {
                pause.pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new RetryPolicy.Tried(last, attempt);
            }
        }
    }

    private HttpOutcome follow(HttpRequest request) throws InterruptedException {
        HttpSettings.Profile profile = profiles[request.purpose().ordinal()];
        RequestHeaders base = headers[request.purpose().ordinal()].with(request.headers());
        Duration hopTimeout = request.timeout() != null ? request.timeout() : timeout;
        int maxRedirects = request.maxRedirects() >= 0 ? request.maxRedirects() : profile.maxRedirects();
        LocationResolver resolver = request.resolver() != null ? request.resolver() : LocationResolver.STANDARD;
        String method = request.method();
        byte[] body = request.body();
        List<String> redirects = List.of();
        String current = request.url();
        int lastStatus = 0;
        for (int hop = 0; ; hop++) {
            URI uri;
            try {
                uri = URI.create(current);
            } catch (IllegalArgumentException e) {
                return failure(current, 0, Problem.BAD_URL, "链接地址格式错误", e, redirects);
            }
            if (!scope.allows(uri)) {
                listener.refusedByScope(request, current);
                return new OutOfScope(current, lastStatus, frozen(redirects));
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                return failure(current, 0, Problem.BAD_URL, "链接地址格式错误",
                        new IllegalArgumentException("not an http(s) URL: " + current), redirects);
            }
            Transport transport = scheme.equals("http") && body == null
                    && (method.equals("GET") || method.equals("HEAD")) ? plain : jdk;
            Transport.Exchange ex;
            String hostKey = uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
            gate.acquire(hostKey);
            try {
                ex = transport.exchange(method, uri, withCookies(uri, base), body, request.bodyPolicy(), hopTimeout);
            } catch (IOException | RuntimeException e) {
                return failure(current, 0, Failures.problem(e), Failures.describe(e, hopTimeout), e, redirects);
            } finally {
                gate.release(hostKey);
            }
            keepCookies(uri, ex.setCookies());
            int status = ex.status();
            lastStatus = status;
            String location = ex.location();
            if (!isRedirect(status) || location == null || !profile.followRedirects()) {
                return new HttpResponse(current, status, ex.contentType(), location, ex.body(), ex.truncated(),
                        frozen(redirects));
            }
            Optional<String> next = resolver.resolve(uri, location);
            if (next.isEmpty()) {
                return failure(current, 0, Problem.BAD_REDIRECT, "重定向地址格式错误：" + location, null, redirects);
            }
            String to = next.get();
            if (to.equals(request.url()) || redirects.contains(to)) {
                List<String> chain = new ArrayList<>(redirects.size() + 2);
                chain.add(request.url());
                chain.addAll(redirects);
                chain.add(to);
                return failure(current, status, Problem.REDIRECT_LOOP,
                        "重定向循环（" + String.join(" → ", chain) + "）", null, redirects);
            }
            if (hop >= maxRedirects) {
                return failure(current, status, Problem.TOO_MANY_REDIRECTS,
                        "重定向次数过多（超过" + maxRedirects + "次）", null, redirects);
            }
            listener.redirected(request, current, to, status);
            if (redirects.isEmpty()) {
                redirects = new ArrayList<>(4);
            }
            redirects.add(to);
            if (body != null && status != 307 && status != 308) {
                method = "GET"; // as browsers do: only 307 and 308 repeat the body
                body = null;
            }
            current = to;
        }
    }

    /**
     * The statuses a browser follows a {@code Location} of (Fetch standard): not 300, 304 (a cache answer, often
     * sent with a stale Location), 305 or 306.
     */
    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private RequestHeaders withCookies(URI uri, RequestHeaders base) {
        if (cookies == null) {
            return base;
        }
        try {
            List<String> values = cookies.get(uri, Map.of()).get("Cookie");
            if (values == null || values.isEmpty()) {
                return base;
            }
            return base.with(List.of(new Header("Cookie", String.join("; ", values))));
        } catch (IOException e) {
            return base;
        }
    }

    private void keepCookies(URI uri, List<String> setCookies) {
        if (cookies == null || setCookies == null) {
            return;
        }
        try {
            cookies.put(uri, Map.of("Set-Cookie", setCookies));
        } catch (IOException e) {
            // a jar that cannot store a cookie only loses that cookie
        }
    }

    private static List<String> frozen(List<String> redirects) {
        return redirects.isEmpty() ? List.of() : Collections.unmodifiableList(redirects);
    }

    private static HttpFailure failure(String url, int status, Problem problem, String message, Throwable cause,
                                       List<String> redirects) {
        return new HttpFailure(url, status, problem, message, cause, frozen(redirects));
    }

    /** Closes the idle keep-alive connections. */
    @Override
    public void close() {
        plain.close();
        jdk.close();
    }

    /** Builds a stack; everything not set comes from {@code http.json}. */
    public static final class Builder {
        private final NetworkScope scope;
        private int perHost;
        private Duration minDelay;
        private Duration timeout;
        private CookieHandler cookies;
        private HttpEventListener listener = HttpEventListener.NONE;

        private Builder(NetworkScope scope) {
            if (scope == null) {
                throw new IllegalArgumentException("a stack needs a network scope");
            }
            this.scope = scope;
        }

        /** At most {@code n} requests in flight to one host and port, their starts at least {@code delay} apart. */
        public Builder perHost(int n, Duration delay) {
            if (n < 1 || delay.isNegative()) {
                throw new IllegalArgumentException("invalid per-host limit: " + n + ", " + delay);
            }
            this.perHost = n;
            this.minDelay = delay;
            return this;
        }

        /** The timeout of a hop whose request names none, and the JDK client's connect timeout. */
        public Builder timeout(Duration t) {
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("invalid timeout: " + t);
            }
            this.timeout = t;
            return this;
        }

        /** Keeps cookies across requests and redirects in {@code jar} (e.g. a {@link java.net.CookieManager}). */
        public Builder cookies(CookieHandler jar) {
            this.cookies = jar;
            return this;
        }

        public Builder listener(HttpEventListener l) {
            this.listener = l == null ? HttpEventListener.NONE : l;
            return this;
        }

        public HttpStack build() {
            return new HttpStack(this);
        }
    }
}
