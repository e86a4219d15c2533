package cn.xunjian.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.ProbeRecord;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 200 fixture sites, a tenth slow (beyond the timeout) or failing with 500, probed by the daemon for a few rounds. */
class ProbeCadenceIT {
    private static final int SITES = 200;
    private static final int ROUNDS = 3;
    @TempDir
    Path dir;
    private HttpServer server;
    private ExecutorService pool;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        pool = Executors.newCachedThreadPool();
        server.setExecutor(pool);
        server.createContext("/", exchange -> {
            int n = Integer.parseInt(exchange.getRequestURI().getPath().replaceAll("[^0-9]", ""));
            try {
                if (slow(n)) {
                    Thread.sleep(2500);
                }
                byte[] body = "<html><body><h1>某某市人民政府</h1></body></html>".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(failing(n) ? 500 : 200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the prober gave up on a slow site and closed the connection
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        pool.shutdownNow();
    }

    private static boolean slow(int n) {
        return n % 20 == 7;
    }

    private static boolean failing(int n) {
        return n % 20 == 13;
    }

    @Test
    void theProbeCadenceHoldsOver200SitesAndTheFailureRatiosComeOutRight() throws Exception {
        List<String> siteNames = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            String name = String.format(Locale.ROOT, "site-%03d.json", i);
            Files.writeString(dir.resolve(name), "{ \"name\": \"站点" + i + "\", \"url\": \"http://127.0.0.1:"
                    + server.getAddress().getPort() + "/s" + i + "/\" }", StandardCharsets.UTF_8);
            siteNames.add("\"" + name + "\"");
        }
        Path file = dir.resolve("schedule.json");
        Files.writeString(file, """
                { "sites": [%s],
                  "probes": { "everySeconds": 4, "browserPerDay": 0, "timeoutSeconds": 1 },
                  "audit": { "cron": "0 0 2 1 1 ? 2099" },
                  "outputDir": "out", "threads": 24, "loopbackOnly": true }
                """.formatted(String.join(",", siteNames)), StandardCharsets.UTF_8);
        Schedule schedule = new ScheduleLoader(dir.resolve("default-out")).load(file);
        List<ScheduledSite> sites = new ArrayList<>();
        for (Path p : schedule.sites()) {
            sites.add(ScheduledSite.of(p, new cn.xunjian.site.SiteFileLoader().load(p)));
        }

        Instant from = Instant.now().minusSeconds(1);
        Daemon daemon = Daemon.start(schedule, sites, Clock.systemUTC());
        long started = System.nanoTime();
        try {
            var store = daemon.services().results();
            ClusterIT.waitFor(() -> sites.stream().allMatch(s ->
                    store.probes(s.site().url(), from, Instant.now().plusSeconds(5)).size() >= ROUNDS), Duration.ofSeconds(90));
            double seconds = (System.nanoTime() - started) / 1e9;
            Instant to = Instant.now().plusSeconds(5);

            int total = 0;
            int failed = 0;
            int minPerSite = Integer.MAX_VALUE;
            int maxPerSite = 0;
            for (int i = 0; i < SITES; i++) {
                List<ProbeRecord> probes = store.probes(sites.get(i).site().url(), from, to);
                minPerSite = Math.min(minPerSite, probes.size());
                maxPerSite = Math.max(maxPerSite, probes.size());
                total += probes.size();
                boolean bad = slow(i) || failing(i);
                assertThat(probes).as("site %d", i).allMatch(p -> p.ok() != bad);
                if (slow(i)) {
                    assertThat(probes).allMatch(p -> p.reason().contains("未响应"));
                }
                if (failing(i)) {
                    assertThat(probes).allMatch(p -> p.status() == 500);
                }
                failed += (int) probes.stream().filter(p -> !p.ok()).count();
            }
            double ratio = (double) failed / total;
            System.err.printf(Locale.ROOT, "ProbeCadenceIT: %d probes of %d sites in %.1f s (%.1f/s), failure ratio %.3f,"
                    + " per site %d..%d%n", total, SITES, seconds, total / seconds, ratio, minPerSite, maxPerSite);
            assertThat(ratio).isCloseTo(0.10, org.assertj.core.data.Offset.offset(0.015));
            assertThat(maxPerSite - minPerSite).as("every site is probed on the same cadence").isLessThanOrEqualTo(1);
        } finally {
            daemon.stop(Duration.ofSeconds(10));
        }
    }
}
