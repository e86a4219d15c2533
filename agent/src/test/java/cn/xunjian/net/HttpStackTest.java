package cn.xunjian.net;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.testing.FixtureServer;
import java.net.CookieManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stack's policies against fixture servers: one on 127.0.0.1, and one on 127.0.0.2 playing "another host"
 * (still the loopback interface, but not a host {@link NetworkScope#LOOPBACK_ONLY} allows), which must never be
 * sent a request.
 */
class HttpStackTest {
    private final FixtureServer home = new FixtureServer();
    private final FixtureServer elsewhere = FixtureServer.on("127.0.0.2");
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final HttpStack stack = HttpStack.builder(NetworkScope.LOOPBACK_ONLY).timeout(Duration.ofSeconds(5))
            .listener(new Recorder()).build();

    @AfterEach
    void close() {
        stack.close();
        home.close();
        elsewhere.close();
    }

    private final class Recorder implements HttpEventListener {
        @Override
        public void requestStarted(HttpRequest request) {
            events.add("started " + request.url());
        }

        @Override
        public void redirected(HttpRequest request, String from, String to, int status) {
            events.add("redirected " + status + " " + to);
        }

        @Override
        public void refusedByScope(HttpRequest request, String url) {
            events.add("refused " + url);
        }

        @Override
        public void finished(HttpRequest request, HttpOutcome outcome, long nanos) {
            events.add("finished " + outcome.getClass().getSimpleName());
        }
    }

    private HttpOutcome get(String url, Purpose purpose) throws InterruptedException {
        return stack.send(HttpRequest.get(url, purpose));
    }

    private static String text(HttpOutcome o) {
        assertThat(o).isInstanceOf(HttpResponse.class);
        return new String(((HttpResponse) o).body(), StandardCharsets.UTF_8);
    }

    @Test
    void aRedirectFromTheLoopbackToAnotherHostIsRefusedAndThatHostGetsNoRequest() throws Exception {
        String outside = elsewhere.url("/casino.html");
        home.redirect("/go", 302, outside);

        HttpOutcome o = get(home.url("/go"), Purpose.PAGE);

        assertThat(o).isInstanceOf(OutOfScope.class);
        OutOfScope refused = (OutOfScope) o;
        assertThat(refused.url()).isEqualTo(outside);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.redirects()).containsExactly(outside);
        assertThat(OutOfScope.REASON).isEqualTo("超出允许访问的网络范围");
        assertThat(elsewhere.requests()).isZero();
        assertThat(home.requests()).isEqualTo(1);
    }

    @Test
    void aChainThatLeavesTheLoopbackOnItsLastHopIsRefusedThereForEveryMethod() throws Exception {
        String outside = elsewhere.url("/x");
        home.redirect("/a", 301, "/b").redirect("/b", 302, outside);

        for (String method : List.of("GET", "HEAD")) {
            HttpOutcome o = stack.send(new HttpRequest(method, home.url("/a"), Purpose.LINK, List.of(), null,
                    BodyPolicy.NONE, null, -1, null));

            assertThat(o).isInstanceOf(OutOfScope.class);
            assertThat(o.url()).isEqualTo(outside);
            assertThat(o.redirects()).containsExactly(home.url("/b"), outside);
        }
        assertThat(elsewhere.requests()).isZero();
        assertThat(home.requests()).isEqualTo(4);
    }

    @Test
    void aFirstUrlOutOfScopeIsNotRequested() throws Exception {
        HttpOutcome o = get(elsewhere.url("/"), Purpose.PROBE);

        assertThat(o).isEqualTo(new OutOfScope(elsewhere.url("/"), 0, List.of()));
        assertThat(elsewhere.requests()).isZero();
    }

    @Test
    void theListenerHearsTheStartTheRedirectTheRefusalAndTheEnd() throws Exception {
        String outside = elsewhere.url("/x");
        home.redirect("/a", 302, "/b").redirect("/b", 302, outside);

        get(home.url("/a"), Purpose.PAGE);

        assertThat(events).containsExactly("started " + home.url("/a"), "redirected 302 " + home.url("/b"),
                "redirected 302 " + outside, "refused " + outside, "finished OutOfScope");
    }

    @Test
    void aRedirectLoopEndsAsAFailureThatShowsTheLoop() throws Exception {
        home.redirect("/loop-a", 302, "/loop-b").redirect("/loop-b", 302, "/loop-a");

        HttpOutcome o = get(home.url("/loop-a"), Purpose.LINK);

        assertThat(o).isInstanceOf(HttpFailure.class);
        HttpFailure f = (HttpFailure) o;
        assertThat(f.problem()).isEqualTo(HttpFailure.Problem.REDIRECT_LOOP);
        assertThat(f.status()).isEqualTo(302);
        assertThat(f.message()).isEqualTo("重定向循环（" + home.url("/loop-a") + " → " + home.url("/loop-b") + " → "
                + home.url("/loop-a") + "）");
    }

    @Test
    void moreRedirectsThanAllowedEndAsAFailure() throws Exception {
        for (int i = 0; i < 5; i++) {
            home.redirect("/r" + i, 302, "/r" + (i + 1));
        }
        home.html("/r5", "<p>终点</p>");

        HttpOutcome tooMany = stack.send(HttpRequest.get(home.url("/r0"), Purpose.PAGE).withMaxRedirects(3));
        HttpOutcome enough = stack.send(HttpRequest.get(home.url("/r0"), Purpose.PAGE).withMaxRedirects(5));

        assertThat(tooMany).isInstanceOf(HttpFailure.class);
        assertThat(((HttpFailure) tooMany).message()).isEqualTo("重定向次数过多（超过3次）");
        assertThat(text(enough)).isEqualTo("<p>终点</p>");
        assertThat(enough.url()).isEqualTo(home.url("/r5"));
        assertThat(enough.redirects()).hasSize(5);
    }

    @Test
    void theServerSeesTheUserAgentAndAcceptOfThePurposeFromTheDataFile() throws Exception {
        home.route("/agent", ex -> FixtureServer.send(ex, 200, "text/plain; charset=utf-8",
                (ex.getRequestHeaders().getFirst("User-Agent") + "|" + ex.getRequestHeaders().getFirst("Accept")
                        + "|" + ex.getRequestMethod()).getBytes(StandardCharsets.UTF_8)));
        HttpSettings data = HttpSettings.standard();

        String page = text(get(home.url("/agent"), Purpose.PAGE));
        String probe = text(get(home.url("/agent"), Purpose.PROBE));
        String alert = text(stack.send(HttpRequest.post(home.url("/agent"), Purpose.ALERT, "application/json",
                "{}".getBytes(StandardCharsets.UTF_8))));

        assertThat(page).isEqualTo(data.profile(Purpose.PAGE).userAgent() + "|"
                + data.profile(Purpose.PAGE).accept() + "|GET");
        assertThat(page).isEqualTo("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/120.0.0.0 Safari/537.36 Xunjian/0.1 (+https://github.com/xunjian)"
                + "|text/html,application/xhtml+xml,*/*;q=0.8|GET");
        assertThat(probe).isEqualTo("Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0 Safari/537.36 Xunjian|null|GET");
        assertThat(alert).isEqualTo("Xunjian-alert|null|POST");
    }

    @Test
    void aHostsOwnUserAgentIsSentToThatHostOnlyAndNeverOnAnAlert() throws Exception {
        home.route("/agent", ex -> FixtureServer.send(ex, 200, "text/plain; charset=utf-8",
                ex.getRequestHeaders().getFirst("User-Agent").getBytes(StandardCharsets.UTF_8)));
        String localhost = home.url("/agent").replace("127.0.0.1", "localhost");

        stack.identify("127.0.0.1", "Mozilla/5.0 Chrome/120.0.0.0 Xunjian/0.1 (site 3301850031)");

        assertThat(text(get(home.url("/agent"), Purpose.PAGE))).isEqualTo("Mozilla/5.0 Chrome/120.0.0.0 Xunjian/0.1 (site 3301850031)");
        assertThat(text(get(home.url("/agent"), Purpose.LINK))).isEqualTo("Mozilla/5.0 Chrome/120.0.0.0 Xunjian/0.1 (site 3301850031)");
        assertThat(text(get(localhost, Purpose.PAGE))).isEqualTo(HttpSettings.standard().profile(Purpose.PAGE).userAgent());
        assertThat(text(stack.send(HttpRequest.post(home.url("/agent"), Purpose.ALERT, "application/json",
                "{}".getBytes(StandardCharsets.UTF_8))))).isEqualTo("Xunjian-alert");
    }

    @Test
    void aCallersHeaderReplacesThePurposesOne() throws Exception {
        home.route("/agent", ex -> FixtureServer.send(ex, 200, "text/plain; charset=utf-8",
                (ex.getRequestHeaders().getFirst("User-Agent") + "|" + ex.getRequestHeaders().getFirst("Referer")
                        + "|" + ex.getRequestHeaders().getFirst("Accept-Language")).getBytes(StandardCharsets.UTF_8)));

        String seen = text(stack.send(HttpRequest.get(home.url("/agent"), Purpose.HIJACK)
                .withHeader("user-agent", "Baiduspider").withHeader("Referer", "https://www.baidu.com/s?wd=x")));

        assertThat(seen).isEqualTo("Baiduspider|https://www.baidu.com/s?wd=x|zh-CN,zh;q=0.9");
    }

    private void cookieSite() {
        home.route("/login", ex -> {
            ex.getResponseHeaders().add("Set-Cookie", "sid=abc123; Path=/");
            ex.getResponseHeaders().set("Location", "/whoami");
            FixtureServer.send(ex, 302, "text/html", new byte[0]);
        }).route("/whoami", ex -> FixtureServer.send(ex, 200, "text/plain",
                String.valueOf(ex.getRequestHeaders().getFirst("Cookie")).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void withACookieJarCookiesAreKeptAcrossRedirectsAndRequests() throws Exception {
        cookieSite();
        try (HttpStack withJar = HttpStack.builder(NetworkScope.LOOPBACK_ONLY).cookies(new CookieManager()).build()) {
            String afterRedirect = text(withJar.send(HttpRequest.get(home.url("/login"), Purpose.PAGE)));
            String later = text(withJar.send(HttpRequest.get(home.url("/whoami"), Purpose.LINK)));

            assertThat(afterRedirect).isEqualTo("sid=abc123");
            assertThat(later).isEqualTo("sid=abc123");
        }
    }

    @Test
    void withoutACookieJarNoCookieIsSent() throws Exception {
        cookieSite();

        String afterRedirect = text(get(home.url("/login"), Purpose.PAGE));
        String later = text(get(home.url("/whoami"), Purpose.PAGE));

        assertThat(afterRedirect).isEqualTo("null");
        assertThat(later).isEqualTo("null");
    }

    @Test
    void aRetriedRequestIsRepeatedAfterServerErrorsWithTheBackoffInBetween() throws Exception {
        int[] calls = {0};
        home.route("/flaky", ex -> {
            calls[0]++;
            FixtureServer.send(ex, calls[0] < 3 ? 503 : 200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8));
        }).status("/gone", 404);
        RetryPolicy retry = new RetryPolicy() {
            @Override
            public int maxAttempts() {
                return 4;
            }

            @Override
            public Duration backoff(int attempt) {
                return Duration.ofSeconds(attempt);
            }
        };
        List<Duration> waits = new ArrayList<>();

        RetryPolicy.Tried flaky = stack.send(HttpRequest.get(home.url("/flaky"), Purpose.ALERT), retry, waits::add);
        RetryPolicy.Tried gone = stack.send(HttpRequest.get(home.url("/gone"), Purpose.ALERT), retry, waits::add);

        assertThat(flaky.attempts()).isEqualTo(3);
        assertThat(text(flaky.outcome())).isEqualTo("ok");
        assertThat(gone.attempts()).isEqualTo(1);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aPurposeThatDoesNotFollowRedirectsGetsTheRedirectItself() throws Exception {
        home.redirect("/moved", 302, elsewhere.url("/hook"));

        HttpOutcome o = stack.send(HttpRequest.post(home.url("/moved"), Purpose.ALERT, "application/json",
                "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(o).isInstanceOf(HttpResponse.class);
        assertThat(((HttpResponse) o).status()).isEqualTo(302);
        assertThat(((HttpResponse) o).location()).isEqualTo(elsewhere.url("/hook"));
        assertThat(elsewhere.requests()).isZero();
    }

    @Test
    void aMalformedUrlIsAFailureNotAnException() throws Exception {
        HttpOutcome o = get("http://127.0.0.1:" + home.port() + "/a b", Purpose.LINK);

        assertThat(o).isInstanceOf(HttpFailure.class);
        assertThat(((HttpFailure) o).problem()).isEqualTo(HttpFailure.Problem.BAD_URL);
        assertThat(((HttpFailure) o).message()).isEqualTo("链接地址格式错误");
    }

    @Test
    void aNameTheResolverHookMapsToTheLoopbackIsInScopeAndOneItCannotResolveFailsAsDns() throws Exception {
        home.html("/index.html", "<p>临江</p>");
        try (HttpStack hooked = HttpStack.builder(NetworkScope.LOOPBACK_ONLY).timeout(Duration.ofSeconds(5))
                .resolver(HostResolver.table(Map.of("www.linjiang.gov.cn", "127.0.0.1"))).build()) {
            HttpOutcome mapped = hooked.send(HttpRequest.get("http://www.linjiang.gov.cn:" + home.port()
                    + "/index.html", Purpose.PAGE));
            HttpOutcome unknown = hooked.send(HttpRequest.get("https://beian.miit.gov.cn/", Purpose.LINK));

            assertThat(text(mapped)).isEqualTo("<p>临江</p>");
            assertThat(unknown).isInstanceOfSatisfying(HttpFailure.class, f -> {
                assertThat(f.problem()).isEqualTo(HttpFailure.Problem.DNS);
                assertThat(f.message()).isEqualTo("域名解析失败（DNS）");
            });
        }
    }

    @Test
    void offlineAnExternalHostIsNotSentARequestButTheHomeHostIs() throws Exception {
        home.html("/index.html", "<p>临江</p>");
        stack.reachability().home("localhost");
        stack.reachability().skipExternal();

        HttpOutcome own = get(home.url("/index.html").replace("127.0.0.1", "localhost"), Purpose.PAGE);
        HttpOutcome other = get(home.url("/index.html"), Purpose.LINK);

        assertThat(text(own)).isEqualTo("<p>临江</p>");
        assertThat(other).isInstanceOf(OutOfScope.class);
        assertThat(home.requests()).isEqualTo(1);
    }
}
