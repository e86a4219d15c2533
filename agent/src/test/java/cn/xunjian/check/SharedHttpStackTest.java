package cn.xunjian.check;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.crawl.LinkChecker;
import cn.xunjian.crawl.LinkStatus;
import cn.xunjian.model.ProbeRecord;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.testing.FixtureServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two callers of one stack, as in an audit: the per-host limit is the stack's, so it holds for both together. */
class SharedHttpStackTest {
    private static final int PER_HOST = 3;

    private final FixtureServer server = new FixtureServer();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final HttpStack http = HttpStack.builder(NetworkScope.LOOPBACK_ONLY).perHost(PER_HOST, Duration.ZERO)
            .timeout(Duration.ofSeconds(10)).build();
    private final ExecutorService probes = Executors.newFixedThreadPool(6);

    @AfterEach
    void close() {
        probes.shutdownNow();
        http.close();
        server.close();
    }

    /** Holds each request a while, so that requests overlap unless something keeps them apart. */
    private void slowPages(int count) {
        for (int i = 0; i < count; i++) {
            server.route("/p" + i + ".html", ex -> {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.decrementAndGet();
                }
                FixtureServer.send(ex, 200, "text/html; charset=utf-8", "<p>页</p>".getBytes(StandardCharsets.UTF_8));
            });
        }
    }

    @Test
    void aLinkCheckerAndAProbeSharingAStackNeverHaveMoreThanItsPerHostLimitInFlight() throws Exception {
        slowPages(18);
        List<String> links = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            links.add(server.url("/p" + i + ".html"));
        }
        AvailabilityProbe probe = new AvailabilityProbe(http, Duration.ofSeconds(10), Clock.systemUTC());
        List<Future<ProbeRecord>> probed = new ArrayList<>();
        List<LinkStatus> checked;
        try (LinkChecker checker = new LinkChecker(http, Duration.ofSeconds(10), 12)) {
            for (int i = 12; i < 18; i++) {
                String url = server.url("/p" + i + ".html");
                probed.add(probes.submit(() -> probe.http(url)));
            }
            checked = checker.checkAll(links);
        }

        assertThat(checked).hasSize(12).allSatisfy(s -> assertThat(s.broken()).isFalse());
        for (Future<ProbeRecord> f : probed) {
            assertThat(f.get().ok()).isTrue();
        }
        assertThat(server.requests()).isEqualTo(18);
        assertThat(maxInFlight.get()).isBetween(1, PER_HOST);
    }
}
