package cn.xunjian.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.net.NetworkScope;
import cn.xunjian.testing.FixtureServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LinkCheckerTest {
    private final FixtureServer server = new FixtureServer()
            .html("/ok.html", "<p>好</p>")
            .status("/gone.html", 404)
            .status("/error", 500)
            .noHead("/no-head.html", "<p>只接受 GET</p>")
            .hang("/hang");
    private final LinkChecker checker = new LinkChecker(Duration.ofSeconds(2), NetworkScope.LOOPBACK_ONLY, 4, 8);

    @AfterEach
    void close() {
        checker.close();
        server.close();
    }

    @Test
    void tellsWorkingLinksFromBrokenOnes() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Map<String, LinkStatus> result = checker.check(List.of(server.url("/ok.html"), server.url("/gone.html"),
                server.url("/error"), "http://127.0.0.1:" + closedPort + "/"));
        assertThat(result.get(server.url("/ok.html")).broken()).isFalse();
        assertThat(result.get(server.url("/gone.html")).status()).isEqualTo(404);
        assertThat(result.get(server.url("/error")).describe()).isEqualTo("HTTP 500");
        LinkStatus refused = result.get("http://127.0.0.1:" + closedPort + "/");
        assertThat(refused.broken()).isTrue();
        assertThat(refused.describe()).isEqualTo("连接被拒绝");
    }

    @Test
    void retriesWithGetWhenHeadIsRefused() throws Exception {
        LinkStatus s = checker.check(List.of(server.url("/no-head.html"))).get(server.url("/no-head.html"));
        assertThat(s.broken()).isFalse();
        assertThat(s.method()).isEqualTo("GET");
        assertThat(s.status()).isEqualTo(200);
    }

    @Test
    void aHangingLinkTimesOut() throws Exception {
        LinkStatus s = checker.check(List.of(server.url("/hang"))).get(server.url("/hang"));
        assertThat(s.broken()).isTrue();
        assertThat(s.describe()).contains("超时");
    }

    @Test
    void aRedirectLoopIsBrokenAndAWorkingRedirectIsNot() throws Exception {
        server.route("/loop-a", ex -> {
            ex.getResponseHeaders().set("Location", "/loop-b");
            FixtureServer.send(ex, 302, "text/html", new byte[0]);
        }).route("/loop-b", ex -> {
            ex.getResponseHeaders().set("Location", "/loop-a");
            FixtureServer.send(ex, 302, "text/html", new byte[0]);
        }).route("/moved", ex -> {
            ex.getResponseHeaders().set("Location", "/ok.html");
            FixtureServer.send(ex, 301, "text/html", new byte[0]);
        });
        var statuses = checker.check(List.of(server.url("/loop-a"), server.url("/moved")));
        assertThat(statuses.get(server.url("/loop-a")).broken()).isTrue();
        assertThat(statuses.get(server.url("/loop-a")).describe()).contains("循环");
        assertThat(statuses.get(server.url("/moved")).broken()).isFalse();
    }

    @Test
    void linksOutsideTheScopeAreSkippedNotRequested() throws Exception {
        LinkStatus s = checker.check(List.of("https://www.gov.cn/")).get("https://www.gov.cn/");
        assertThat(s.skipped()).isTrue();
        assertThat(s.broken()).isFalse();
    }

    @Test
    void eachUrlIsCheckedOnce() throws Exception {
        Map<String, LinkStatus> result = checker.check(List.of(server.url("/ok.html"), server.url("/ok.html")));
        assertThat(result).hasSize(1);
    }

    @Test
    void aLinkRedirectedToAnotherHostIsSkippedAndThatHostIsNeverRequested() throws Exception {
        try (FixtureServer other = FixtureServer.on("127.0.0.2")) {
            server.redirect("/out", 302, other.url("/x.html"))
                    .redirect("/out-later", 301, "/out-later/").redirect("/out-later/", 302, other.url("/y.html"));

            Map<String, LinkStatus> result = checker.check(List.of(server.url("/out"), server.url("/out-later")));

            assertThat(result.values()).allSatisfy(s -> {
                assertThat(s.skipped()).isTrue();
                assertThat(s.broken()).isFalse();
                assertThat(s.describe()).isEqualTo("未检查（超出允许访问的网络范围）");
            });
            assertThat(other.requests()).isZero();
        }
    }
}
