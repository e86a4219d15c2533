package cn.xunjian.check;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.ProbeRecord;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.testing.FixtureServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The plain-HTTP half of the availability probe, through the stack, against fixture servers on the loopback. */
class AvailabilityProbeTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);

    private final FixtureServer home = new FixtureServer();
    private final FixtureServer elsewhere = FixtureServer.on("127.0.0.2");
    private final HttpStack http = HttpStack.of(NetworkScope.LOOPBACK_ONLY);
    private final AvailabilityProbe probe = new AvailabilityProbe(http, Duration.ofSeconds(5), CLOCK);

    @AfterEach
    void close() {
        http.close();
        home.close();
        elsewhere.close();
    }

    @Test
    void aHomePageThatRedirectsToAnotherHostFailsAsOutOfScopeAndThatHostGetsNoRequest() throws Exception {
        home.redirect("/", 302, elsewhere.url("/"));

        ProbeRecord r = probe.http(home.url("/"));

        assertThat(r.ok()).isFalse();
        assertThat(r.reason()).isEqualTo("超出允许访问的网络范围");
        assertThat(elsewhere.requests()).isZero();
    }

    @Test
    void aChainThatLeavesTheLoopbackAfterASecondLocalHopIsRefusedToo() throws Exception {
        home.redirect("/", 301, "/index.html").redirect("/index.html", 302, elsewhere.url("/index.html"));

        ProbeRecord r = probe.http(home.url("/"));

        assertThat(r.ok()).isFalse();
        assertThat(r.reason()).isEqualTo("超出允许访问的网络范围");
        assertThat(home.requests()).isEqualTo(2);
        assertThat(elsewhere.requests()).isZero();
    }

    @Test
    void aRedirectWithinTheLoopbackIsFollowedAndTheServerSeesTheProbesUserAgent() throws Exception {
        AtomicReference<String> agent = new AtomicReference<>();
        home.redirect("/", 302, "/index.html").route("/index.html", ex -> {
            agent.set(ex.getRequestHeaders().getFirst("User-Agent"));
            FixtureServer.send(ex, 200, "text/html; charset=utf-8", "<p>首页</p>".getBytes(StandardCharsets.UTF_8));
        });

        ProbeRecord r = probe.http(home.url("/"));

        assertThat(r.ok()).isTrue();
        assertThat(r.status()).isEqualTo(200);
        assertThat(home.requests()).isEqualTo(2);
        assertThat(agent.get()).isEqualTo("Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0 Safari/537.36 Xunjian");
    }

    @Test
    void aServerErrorAndARefusedConnectionAreFailuresInTheProbesWords() throws Exception {
        home.status("/down", 503);
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }

        assertThat(probe.http(home.url("/down")).reason()).isEqualTo("HTTP 503");
        assertThat(probe.http("http://127.0.0.1:" + closedPort + "/").reason()).isEqualTo("连接被拒绝或无法连接");
    }
}
