package cn.xunjian.net;

import cn.xunjian.net.HttpFailure.Problem;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one HTTP client of the agent: every crawl, link check, probe, feed, hijack visit and alert goes through a
 * stack built once per audit (or daemon, or alert dispatcher), whose policies therefore apply everywhere:
 * <ul>
 *   <li>the {@link NetworkScope} is checked on every hop: redirects are followed here, never by a transport, and a
 *       hop out of scope ends the exchange as {@link OutOfScope} without a request being sent;</li>
 *   <li>redirect loops and too many redirects end it as an {@link HttpFailure};</li>
 *   <li>at most {@code perHost} requests are in flight to one host and port, {@code minDelay} apart, across
 *       everything that shares the stack; a 429 or 5xx halves that host's limit, calm answers restore it;</li>
 *   <li>a 429 or 503 is repeated after its {@code Retry-After}, within {@link Politeness}'s bounds;</li>
 *   <li>a browser's user agent that names Xunjian, or a host's own ({@link #identify});</li>
 *   <li>user agent, {@code Accept} and redirect rules come per {@link Purpose} from {@code http.json};</li>
 *   <li>forward proxies ({@link ProxySettings}: {@code HTTP_PROXY}, {@code HTTPS_PROXY}, {@code NO_PROXY},
 *       {@code --proxy}) with their credentials;</li>
 *   <li>an optional cookie jar ({@link CookieHandler}, off unless the builder is given one or a solver);</li>
 *   <li>anti-bot challenges ({@link ChallengeMarkers}) recognised on pages, links, attachments and feeds; with a
 *       {@link ChallengeSolver} passed once per host as a browser passes them, their cookies and user agent carried
 *       into the requests that follow, which are sent again; a challenge not passed ends the exchange as an
 *       {@link HttpFailure} of {@link HttpFailure.Problem#GUARDED}, never as the host's own answer;</li>
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
    private final ChallengeMarkers challenges = ChallengeMarkers.standard();
    private final ChallengeGuard guard;
    private final HttpEventListener listener;
    private final HttpSettings.Profile[] profiles;
    private final RequestHeaders[] headers;
    private final Politeness politeness;
    private final Clock clock;
    private final RetryPolicy.Pause pause;
    private final HostResolver names;
    private final Reachability reachability = new Reachability();
    /** User agents for single hosts (a site file's own, a solved challenge's browser), by lower-case host. */
    private final Map<String, String> hostAgents = new ConcurrentHashMap<>();
    private final Transport plain;
    private final Transport jdk;
    private final ProxySettings proxies;

    private HttpStack(Builder b) {
        HttpSettings settings = HttpSettings.standard();
        this.scope = b.scope;
        this.timeout = b.timeout != null ? b.timeout : settings.timeout();
        this.politeness = b.politeness != null ? b.politeness : settings.politeness();
        this.gate = new HostGate(b.perHost > 0 ? b.perHost : settings.perHost(),
                b.minDelay != null ? b.minDelay : settings.minDelay(), politeness.backoffStatuses(),
                politeness.recoverAfter());
        this.clock = b.clock;
        this.pause = b.pause;
        this.names = b.resolver;
        this.cookies = b.cookies != null || b.solver == ChallengeSolver.NONE ? b.cookies : new CookieManager();
        this.guard = new ChallengeGuard(b.solver, challenges, cookies);
        this.listener = b.listener;
        Purpose[] purposes = Purpose.values();
        this.profiles = new HttpSettings.Profile[purposes.length];
        this.headers = new RequestHeaders[purposes.length];
        for (Purpose p : purposes) {
            HttpSettings.Profile profile = settings.profile(p);
            if (b.userAgent != null && profile.userAgent().equals(settings.profile(Purpose.PAGE).userAgent())) {
                profile = profile.withUserAgent(b.userAgent); // purposes with an agent of their own keep it
            }
            profiles[p.ordinal()] = profile;
            headers[p.ordinal()] = new RequestHeaders(profile.headerList());
        }
        this.plain = new PlainTransport(new PlainHttpClient(timeout, profiles[Purpose.PAGE.ordinal()].userAgent(),
                DRAIN_LIMIT));
        this.proxies = b.proxies;
        this.jdk = new JdkTransport(timeout, DRAIN_LIMIT, proxies);
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
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                if (!scope.allows(uri)) {
                    listener.refusedByScope(request, current);
                    return new OutOfScope(current, lastStatus, frozen(redirects));
                }
                return failure(current, 0, Problem.BAD_URL, "链接地址格式错误",
                        new IllegalArgumentException("not an http(s) URL: " + current), redirects);
            }
            boolean proxied = proxies.forUri(uri).isPresent();
            // the keep-alive client speaks to origin servers only: what goes through a proxy takes the JDK's
            Transport transport = !proxied && scheme.equals("http") && body == null
                    && (method.equals("GET") || method.equals("HEAD")) ? plain : jdk;
            InetAddress address = null;
            boolean inScope = scope.allows(uri) && !reachability.skips(uri);
            if (names != HostResolver.SYSTEM && !proxied && !HostResolver.isLiteral(uri.getHost())
                    && !reachability.skips(uri)) {
                // a hook of the caller's: it answers for every name, and its answer is what the scope judges
                InetAddress[] found;
                try {
                    found = names.resolve(uri.getHost());
                } catch (UnknownHostException e) {
                    return failure(current, 0, Problem.DNS, Failures.describe(e), e, redirects);
                }
                if (!inScope && transport == plain && HostResolver.allLoopback(List.of(found))) {
                    inScope = true;
                }
                address = transport == plain && found.length > 0 ? found[0] : null;
            }
            if (!inScope) {
                listener.refusedByScope(request, current);
                return new OutOfScope(current, lastStatus, frozen(redirects));
            }
            Transport.Exchange ex;
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            String hostKey = host + ":" + uri.getPort();
            boolean guarded = guards(request.purpose());
            BodyPolicy policy = guarded ? peekingChallenges(request.bodyPolicy()) : request.bodyPolicy();
            for (int solved = 0; ; solved++) {
                int generation = guarded ? guard.generation(host) : 0;
                for (int retry = 0; ; retry++) {
                    int answered = 0;
                    gate.acquire(hostKey);
                    try {
                        ex = transport.exchange(method, uri, address, withCookies(uri, forHost(host, base, request)),
                                body, policy, hopTimeout);
                        answered = ex.status();
                    } catch (IOException | RuntimeException e) {
                        return failure(current, 0, Failures.problem(e), Failures.describe(e, hopTimeout), e,
                                redirects);
                    } finally {
                        gate.release(hostKey, answered);
                    }
                    // a challenge answered to a request sent before another one passed it carries a seed that is
                    // stale by now: keeping it would overwrite the solved cookies and challenge every later request
                    if (!(guarded && challenges.mayBe(ex.status()) && guard.generation(host) != generation)) {
                        keepCookies(uri, ex.setCookies());
                    }
                    Optional<Duration> wait = retry < politeness.maxRetries() && profile.retryAfter()
                            ? politeness.waitBefore(ex.status(), ex.retryAfter(), clock) : Optional.empty();
                    if (wait.isEmpty()) {
                        break;
                    }
                    listener.retrying(request, retry + 1, new HttpResponse(current, ex.status(), ex.contentType(),
                            ex.location(), null, false, frozen(redirects)), wait.get());
                    pause.pause(wait.get());
                }
                if (!guarded || !challenges.mayBe(ex.status())) {
                    break;
                }
                Optional<Challenge> challenge = challenges.detect(ex.status(), ex.setCookies(), ex.body(),
                        ex.truncated());
                if (challenge.isEmpty()) {
                    ex = unpeeked(ex, request.bodyPolicy());
                    break;
                }
                // a challenge that is back right after two fresh solves is not one this client can pass
                if (solved >= 2 || !guard.pass(uri, challenge.get(), generation, this)) {
                    return failure(current, ex.status(), Problem.GUARDED, "受访问防护（" + challenge.get().vendor()
                            + "，HTTP " + ex.status() + "），未能通过浏览器验证", null, redirects);
                }
                listener.retrying(request, solved + 1, new HttpResponse(current, ex.status(), ex.contentType(),
                        ex.location(), null, false, frozen(redirects)), Duration.ZERO);
            }
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

    /** Whether answers to requests for {@code purpose} are looked at for challenges: a probe, a hijack visit and an
     * alert take the answer as it is. */
    private static boolean guards(Purpose purpose) {
        return purpose == Purpose.PAGE || purpose == Purpose.LINK || purpose == Purpose.ATTACHMENT
                || purpose == Purpose.FEED;
    }

    /** {@code inner}, but the first bytes of any answer that may be a challenge are kept for the detector. */
    private BodyPolicy peekingChallenges(BodyPolicy inner) {
        return (status, contentType) -> {
            long want = inner.keep(status, contentType);
            return challenges.mayBe(status) ? Math.max(want, challenges.peekBytes()) : want;
        };
    }

    /** The exchange with only the body {@code inner} wanted, once the detector has seen it is no challenge. */
    private static Transport.Exchange unpeeked(Transport.Exchange ex, BodyPolicy inner) {
        if (ex.body() == null) {
            return ex;
        }
        long want = inner.keep(ex.status(), ex.contentType() == null ? "text/html" : ex.contentType());
        if (want >= ex.body().length) {
            return ex;
        }
        byte[] kept = want <= 0 ? null : java.util.Arrays.copyOf(ex.body(), (int) want);
        return new Transport.Exchange(ex.status(), ex.contentType(), ex.location(), kept, kept != null,
                ex.setCookies(), ex.retryAfter());
    }

    /** How many times the challenge of {@code host} was solved or tried in this stack's life. */
    public int challengeSolves(String host) {
        return guard.solves(host);
    }

    /** The headers with the host's own user agent, unless the request names one itself. */
    private RequestHeaders forHost(String host, RequestHeaders base, HttpRequest request) {
        String agent = hostAgents.get(host);
        if (agent == null || request.purpose() == Purpose.ALERT || request.purpose() == Purpose.HIJACK) {
            return base;
        }
        for (Header h : request.headers()) {
            if (h.name().equalsIgnoreCase("User-Agent")) {
                return base;
            }
        }
        return base.with(List.of(new Header("User-Agent", agent)));
    }

    /**
     * From now on, requests to {@code host} (any port) announce {@code userAgent}: a site file's own, or the one
     * of the browser that passed the host's challenge, whose cookies are bound to it. A hijack visit's and an
     * alert's agents are their own.
     */
    public void identify(String host, String userAgent) {
        hostAgents.put(host.toLowerCase(Locale.ROOT), userAgent);
    }

    /** The user agent requests for {@code purpose} to {@code host} announce, unless they name their own. */
    public String userAgent(String host, Purpose purpose) {
        String agent = purpose == Purpose.ALERT || purpose == Purpose.HIJACK ? null
                : hostAgents.get(host.toLowerCase(Locale.ROOT));
        return agent != null ? agent : profiles[purpose.ordinal()].userAgent();
    }

    /** The proxies this stack goes through. */
    public ProxySettings proxies() {
        return proxies;
    }

    /** What this machine can reach: the audited sites' hosts, the start-of-run probe, {@code --offline}. */
    public Reachability reachability() {
        return reachability;
    }

    /** The requests now allowed in flight to {@code host} and {@code port} (-1: the scheme's default). */
    public int concurrency(String host, int port) {
        return gate.limit(host.toLowerCase(Locale.ROOT) + ":" + port);
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
        private Politeness politeness;
        private String userAgent;
        private Clock clock = Clock.systemUTC();
        private RetryPolicy.Pause pause = RetryPolicy.Pause.REAL;
        private HostResolver resolver = HostResolver.SYSTEM;
        private ProxySettings proxies = ProxySettings.NONE;
        private ChallengeSolver solver = ChallengeSolver.NONE;

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

        /**
         * Passes the anti-bot challenges of hosts with {@code s} (a browser), keeping what it earns in the cookie
         * jar (a {@link CookieManager} of its own unless {@link #cookies} gives one). Without a solver a challenge
         * is recognised and reported as such, not passed.
         */
        public Builder challenges(ChallengeSolver s) {
            this.solver = s == null ? ChallengeSolver.NONE : s;
            return this;
        }

        /** What a 429, a 503 and a burst of 5xx do, instead of {@code http.json}'s. */
        public Builder politeness(Politeness p) {
            this.politeness = p;
            return this;
        }

        /** The user agent of every purpose that has none of its own in {@code http.json}. */
        public Builder userAgent(String agent) {
            if (agent != null && agent.isBlank()) {
                throw new IllegalArgumentException("a blank user agent");
            }
            this.userAgent = agent;
            return this;
        }

        /**
         * Looks names up with {@code r} instead of the system's resolver: for plain http it also says where to
         * connect; https (the JDK client, which has no such hook) uses it to fail names it cannot resolve.
         */
        public Builder resolver(HostResolver r) {
            this.resolver = r == null ? HostResolver.SYSTEM : r;
            return this;
        }

        /**
         * Reaches hosts through {@code p}'s proxies (those {@code NO_PROXY} names aside). The scope is still judged
         * on every hop's own URL; the proxy resolves the names.
         */
        public Builder proxies(ProxySettings p) {
            this.proxies = p == null ? ProxySettings.NONE : p;
            return this;
        }

        /** Reads a {@code Retry-After} date against {@code c}. */
        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** Waits out a {@code Retry-After}; tests pass one that records instead of waiting. */
        public Builder pause(RetryPolicy.Pause p) {
            this.pause = p;
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
