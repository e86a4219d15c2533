package cn.xunjian.net;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.testing.FixtureServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A host that asks the stack to slow down: 429 and 503 with {@code Retry-After}, and bursts of them. The fixtures
 * behave as nginx's {@code limit_req} (429 without a header) and as servers behind a rate-limiting gateway (429 or
 * 503 with {@code Retry-After} in seconds or as an HTTP-date, RFC 9110 §10.2.3) do.
 */
class PolitenessTest {
    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    private final FixtureServer server = new FixtureServer();
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private HttpStack stack = stack(Politeness.standard());

    private HttpStack stack(Politeness p) {
        return HttpStack.builder(NetworkScope.LOOPBACK_ONLY).timeout(Duration.ofSeconds(5)).politeness(p)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).pause(waits::add).build();
    }

    @AfterEach
    void close() {
        stack.close();
        server.close();
    }

    /** Answers {@code status} with {@code retryAfter} (null: none) to the first {@code times} requests, then 200. */
    private void limited(String path, int times, int status, String retryAfter) {
        AtomicInteger seen = new AtomicInteger();
        server.route(path, ex -> {
            if (seen.incrementAndGet() <= times) {
                if (retryAfter != null) {
                    ex.getResponseHeaders().set("Retry-After", retryAfter);
                }
                FixtureServer.send(ex, status, "text/html; charset=utf-8",
                        "<html><body><h1>Too Many Requests</h1></body></html>".getBytes(StandardCharsets.UTF_8));
            } else {
                FixtureServer.send(ex, 200, "text/html; charset=utf-8",
                        "<html><body>ok</body></html>".getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    private int status(String path, Purpose purpose) throws InterruptedException {
        HttpOutcome o = stack.send(HttpRequest.get(server.url(path), purpose));
        assertThat(o).isInstanceOf(HttpResponse.class);
        return ((HttpResponse) o).status();
    }

    @Test
    void a429IsRepeatedAfterTheSecondsItsRetryAfterNames() throws Exception {
        limited("/list.html", 1, 429, "3");

        assertThat(status("/list.html", Purpose.PAGE)).isEqualTo(200);
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void a503IsRepeatedUntilTheHttpDateItsRetryAfterNames() throws Exception {
        limited("/list.html", 1, 503, "Sun, 22 Nov 2026 02:00:07 GMT");

        assertThat(status("/list.html", Purpose.LINK)).isEqualTo(200);
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aRetryAfterLongerThanTheMaximumIsCutToIt() throws Exception {
        limited("/list.html", 1, 429, "86400");

        assertThat(status("/list.html", Purpose.PAGE)).isEqualTo(200);
        assertThat(waits).containsExactly(Politeness.standard().maxWait());
    }

    @Test
    void a429WithoutRetryAfterWaitsTheDefaultButABare503IsAnOutageAndFinal() throws Exception {
        limited("/a.html", 1, 429, null);
        limited("/b.html", 1, 503, null);

        assertThat(status("/a.html", Purpose.PAGE)).isEqualTo(200);
        assertThat(status("/b.html", Purpose.PAGE)).isEqualTo(503);
        assertThat(waits).containsExactly(Politeness.standard().defaultWait());
    }

    @Test
    void aHostThatKeepsAnswering429IsGivenUpOnAfterTheMostRetries() throws Exception {
        limited("/list.html", 100, 429, "1");

        assertThat(status("/list.html", Purpose.PAGE)).isEqualTo(429);
        assertThat(waits).hasSize(Politeness.standard().maxRetries());
    }

    @Test
    void anAvailabilityProbeMeasuresThe429AsItIs() throws Exception {
        limited("/", 1, 429, "1");

        assertThat(status("/", Purpose.PROBE)).isEqualTo(429);
        assertThat(waits).isEmpty();
    }

    @Test
    void each429HalvesTheRequestsInFlightToThatHostAndCalmAnswersGiveThemBackOneByOne() throws Exception {
        stack.close();
        stack = stack(new Politeness(Set.of(429), Set.of(429), 3, Duration.ofSeconds(30), Duration.ofSeconds(1),
                Set.of(429, 503), 2));
        int port = server.port();
        limited("/burst", 3, 429, "0");

        assertThat(status("/burst", Purpose.LINK)).isEqualTo(200); // 429, 429, 429, 200
        assertThat(stack.concurrency("127.0.0.1", port)).isEqualTo(1); // 8 → 4 → 2 → 1
        status("/burst", Purpose.LINK);
        assertThat(stack.concurrency("127.0.0.1", port)).isEqualTo(2); // two calm answers: one more
        for (int i = 0; i < 12; i++) {
            status("/burst", Purpose.LINK);
        }
        assertThat(stack.concurrency("127.0.0.1", port)).isEqualTo(8); // never beyond perHost
    }

    @Test
    void afterABurstOf429TheHostIsSentOneRequestAtATime() throws Exception {
        stack.close();
        stack = stack(new Politeness(Set.of(429), Set.of(429), 10, Duration.ofSeconds(30), Duration.ofSeconds(1),
                Set.of(429), 1000));
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlightAfterBurst = new AtomicInteger();
        server.route("/page", ex -> {
            // a request counts as in flight until its answer is sent: counting it until the handler returns would
            // overlap it with the next request the client may send once it has the answer
            int now = inFlight.incrementAndGet();
            int arrival = answered.incrementAndGet();
            if (arrival <= 8) {
                inFlight.decrementAndGet();
                ex.getResponseHeaders().set("Retry-After", "0");
                FixtureServer.send(ex, 429, "text/plain; charset=utf-8", new byte[0]);
                return;
            }
            if (arrival > 10) {
                // the first two after the burst may still meet a limit that the last 429s have not halved yet
                mostInFlightAfterBurst.accumulateAndGet(now, Math::max);
            }
            try {
                Thread.sleep(20); // long enough for parallel requests to overlap, were they let through
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            FixtureServer.send(ex, 200, "text/html; charset=utf-8", "ok".getBytes(StandardCharsets.UTF_8));
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        // the burst first: eight requests at once, all answered 429
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> status("/page", Purpose.LINK)));
        }
        for (Future<Integer> r : results) {
            assertThat(r.get()).isEqualTo(200);
        }
        pool.shutdown();

        assertThat(mostInFlightAfterBurst.get()).isEqualTo(1);
        assertThat(stack.concurrency("127.0.0.1", server.port())).isEqualTo(1);
    }
}
