package cn.xunjian.bench;

import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.browser.BrowserSession;
import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.Recording;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.evidence.WaczVerifier;
import cn.xunjian.evidence.WebArchive;
import cn.xunjian.net.NetworkScope;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark of the web archive (issue 13): not a test. Run through {@code bench/archive.sh}. Serves one page with
 * IMAGES images of 50 KB and one body of BIG_MB megabytes on 127.0.0.1, then opens it ROUNDS times in a plain
 * session and ROUNDS times in a recorded one (HAR, then WACZ), and prints the times, the WACZ's size and the JVM's
 * peak heap, which stays below the big body when bodies are streamed rather than held.
 */
public final class ArchiveBenchmark {
    public static void main(String[] args) throws Exception {
        int images = Integer.parseInt(args[0]);
        int bigMb = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Path work = Path.of(args[3]);
        // random bytes, seeded: zeros would be deduplicated and deflated away by the HAR's zip and the WARC's gzip
        java.util.Random random = new java.util.Random(13);
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>存档基准</title>"
                + "</head><body><h1>临江县人民政府</h1>");
        for (int i = 0; i < images; i++) {
            page.append("<img src=\"/img/").append(i).append(".png\">");
        }
        page.append("<img src=\"/big.bin\"></body></html>");
        byte[] html = page.toString().getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String p = ex.getRequestURI().getPath();
            try (ex) {
                if (p.equals("/big.bin")) {
                    ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
                    ex.sendResponseHeaders(200, (long) bigMb << 20);
                    byte[] chunk = new byte[1 << 20];
                    try (OutputStream out = ex.getResponseBody()) {
                        for (int i = 0; i < bigMb; i++) {
                            random.nextBytes(chunk);
                            out.write(chunk);
                        }
                    }
                } else if (p.startsWith("/img/")) {
                    byte[] image = new byte[50 * 1024];
                    new java.util.Random(p.hashCode()).nextBytes(image);
                    ex.getResponseHeaders().set("Content-Type", "image/png");
                    ex.sendResponseHeaders(200, image.length);
                    ex.getResponseBody().write(image);
                } else {
                    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    ex.sendResponseHeaders(200, html.length);
                    ex.getResponseBody().write(html);
                }
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/index.html";
        try (BrowserRuntime browser = BrowserRuntime.start(NetworkScope.LOOPBACK_ONLY)) {
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                try (BrowserSession s = browser.openSession(DeviceProfile.DESKTOP)) {
                    s.load(url, Duration.ofSeconds(60), null);
                }
                long plain = System.nanoTime() - t0;

                Path run = Files.createDirectories(work.resolve("run-" + r));
                SiteEvidence evidence = new SiteEvidence(new EvidenceStore(run, Clock.systemUTC()), "site-01");
                long t1 = System.nanoTime();
                BrowserSession s = browser.openRecordedSession(DeviceProfile.DESKTOP, evidence.recordingFile());
                try (s) {
                    s.load(url, Duration.ofSeconds(60), null);
                }
                long recorded = System.nanoTime() - t1;
                Recording rec = s.recording().orElseThrow();
                long harBytes = Files.size(rec.har());
                if (System.getenv("KEEP_HAR") != null) {
                    Files.copy(rec.har(), Path.of(System.getenv("KEEP_HAR")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                long t2 = System.nanoTime();
                WebArchive archive = evidence.archive(rec.har(), rec.pages().stream()
                        .map(p -> new WebArchive.Rendered(p.requested(), p.url(), p.title())).toList(), "基准");
                long packaged = System.nanoTime() - t2;
                Path wacz = run.resolve(archive.path());
                long t3 = System.nanoTime();
                List<String> problems = new WaczVerifier().verify(wacz, archive.path());
                long verified = System.nanoTime() - t3;
                System.out.printf(Locale.ROOT, "round %d: plain load+close %.0f ms; recorded load+close %.0f ms "
                                + "(HAR %.1f MB); HAR->WACZ %.0f ms (WACZ %.1f MB, %d pages); verify %.0f ms, %d problems%n",
                        r + 1, plain / 1e6, recorded / 1e6, harBytes / 1048576.0, packaged / 1e6,
                        Files.size(wacz) / 1048576.0, archive.pages().size(), verified / 1e6, problems.size());
            }
        } finally {
            server.stop(0);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "JVM heap peak (sum of pool peaks) %.1f MB, max heap %.0f MB%n",
                peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
    }
}
