package cn.xunjian.bench;

import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.browser.BrowserSession;
import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.check.AvailabilityProbe;
import cn.xunjian.model.ProbeRecord;
import cn.xunjian.internal.ShanghaiTime;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark of availability probes (issue 5, Performance): not a test. Run through {@code bench/probes.sh}.
 *
 * <pre>
 * serve SITES PORTS PORTFILE        serve SITES home pages under /site-N/ on PORTS HttpServers on 127.0.0.1;
 *                                   every 50th site answers 503, every 50th (offset 25) answers after 300 ms
 * http PORTFILE SITES CONCURRENCY   probe every site once with AvailabilityProbe.http on a fixed pool
 * browser PORTFILE COUNT            probe the first COUNT sites with AvailabilityProbe.browser, one context per site
 * </pre>
 * Responses carry {@code Connection: close} so that every probe opens its own TCP connection, as probes of
 * distinct real sites would.
 */
public final class ProbeBenchmark {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private ProbeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "serve" -> serve(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            case "http" -> http(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "browser" -> browser(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    static boolean failing(int site) {
        return site % 50 == 0;
    }

    static boolean slow(int site) {
        return site % 50 == 25;
    }

    private static void serve(int sites, int ports, Path portFile) throws Exception {
        byte[] page = homePage();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ports; i++) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.createContext("/", ex -> {
                String path = ex.getRequestURI().getPath();
                int site = Integer.parseInt(path.replaceAll("\\D", "").isEmpty() ? "-1" : path.replaceAll("\\D", ""));
                ex.getRequestBody().readAllBytes();
                ex.getResponseHeaders().set("Connection", "close");
                ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                if (slow(site)) {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                int status = site < 0 || site >= sites ? 404 : failing(site) ? 503 : 200;
                byte[] body = status == 200 ? page : ("<html><body>" + status + "</body></html>")
                        .getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(status, body.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(body);
                }
            });
            server.start();
            lines.add(Integer.toString(server.getAddress().getPort()));
        }
        Files.write(portFile, lines, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "serving %d sites on ports %s%n", sites, lines);
        Thread.currentThread().join();
    }

    /** A home page of realistic weight (about 60 KB of Chinese text and links). */
    private static byte[] homePage() {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<title>某市人民政府门户网站</title></head><body><h1>某市人民政府</h1><ul>");
        for (int i = 0; i < 400; i++) {
            html.append(String.format(Locale.ROOT,
                    "<li><a href=\"/art/2026/11/%d.html\">关于做好2026年政务公开工作的通知（第%d号）</a><span>2026-11-%02d</span></li>",
                    i, i, 1 + i % 28));
        }
        html.append("</ul><footer>网站标识码：3301850031 浙ICP备12345678号</footer></body></html>");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> urls(Path portFile, int sites) throws IOException {
        List<String> ports = Files.readAllLines(portFile, StandardCharsets.UTF_8);
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < sites; i++) {
            urls.add("http://127.0.0.1:" + ports.get(i % ports.size()).strip() + "/site-" + i + "/");
        }
        return urls;
    }

    private static void http(Path portFile, int sites, int concurrency) throws Exception {
        List<String> urls = urls(portFile, sites);
        AvailabilityProbe probe = new AvailabilityProbe(TIMEOUT, Clock.system(ShanghaiTime.ZONE),
                NetworkScope.LOOPBACK_ONLY);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<ProbeRecord>> futures = new ArrayList<>();
        for (String url : urls) {
            futures.add(pool.submit(() -> probe.http(url)));
        }
        List<ProbeRecord> records = new ArrayList<>();
        for (Future<ProbeRecord> f : futures) {
            records.add(f.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        report("http", records, seconds, concurrency, sites);
    }

    private static void browser(Path portFile, int count) throws Exception {
        List<String> urls = urls(portFile, count);
        List<ProbeRecord> records = new ArrayList<>();
        AvailabilityProbe probe = new AvailabilityProbe(TIMEOUT, Clock.system(ShanghaiTime.ZONE),
                NetworkScope.LOOPBACK_ONLY);
        long launch = System.nanoTime();
        try (BrowserRuntime runtime = BrowserRuntime.start(NetworkScope.LOOPBACK_ONLY)) {
            System.out.printf(Locale.ROOT, "browser launch: %.2f s%n", (System.nanoTime() - launch) / 1e9);
            long start = System.nanoTime();
            long opening = 0;
            long probing = 0;
            long closing = 0;
            for (String url : urls) {
                long t0 = System.nanoTime();
                BrowserSession session = runtime.openSession(DeviceProfile.DESKTOP);
                long t1 = System.nanoTime();
                records.add(probe.browser(session, url).record());
                long t2 = System.nanoTime();
                session.close();
                long t3 = System.nanoTime();
                opening += t1 - t0;
                probing += t2 - t1;
                closing += t3 - t2;
            }
            report("browser", records, (System.nanoTime() - start) / 1e9, 1, count);
            System.out.printf(Locale.ROOT, "browser time per site: open context %.0f ms, probe %.0f ms, close %.0f ms%n",
                    opening / 1e6 / count, probing / 1e6 / count, closing / 1e6 / count);
        }
    }

    private static void report(String method, List<ProbeRecord> records, double seconds, int concurrency,
                               int sites) {
        List<Long> millis = new ArrayList<>();
        records.forEach(r -> millis.add(r.millis()));
        Collections.sort(millis);
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        for (int i = 0; i < records.size(); i++) {
            ProbeRecord r = records.get(i);
            if (!r.ok()) {
                failed.incrementAndGet();
            }
            if (r.ok() == failing(i)) {
                wrong.incrementAndGet();
            }
        }
        long expectedFailures = java.util.stream.IntStream.range(0, sites).filter(ProbeBenchmark::failing).count();
        System.out.printf(Locale.ROOT, "%s probes: %d in %.2f s = %.1f probes/s (concurrency %d)%n", method,
                records.size(), seconds, records.size() / seconds, concurrency);
        System.out.printf(Locale.ROOT, "%s latency ms: p50 %d, p95 %d, max %d%n", method,
                millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.95)), millis.get(millis.size() - 1));
        System.out.printf(Locale.ROOT, "%s failures: %d (expected %d), misjudged probes: %d%n", method, failed.get(),
                expectedFailures, wrong.get());
    }
}
