package cn.xunjian.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.net.NetworkScope;
import cn.xunjian.testing.FixtureServer;
import com.sun.net.httpserver.HttpExchange;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One URL never changes another's result: bodies that drip in a byte at a time (fixed length, chunked, a body
 * drained after a refused HEAD) time out on their own URL, an endless redirect chain is reported as such, and a
 * large valid PNG and a chain of twenty ordinary pages beside them stay fine, run after run. A connection whose response was
 * not read to its end must be closed: reused, its left-over bytes would be read as the next URL's answer.
 */
class ConnectionIsolationTest {
    private static final CrawlLimits LIMITS = new CrawlLimits(200, 30, 4, Duration.ZERO, Duration.ofMillis(1200),
            5L * 1024 * 1024);
    private static final int ORDINARY = 20;

    private static final byte[] PNG = noisePng();

    private final FixtureServer server = new FixtureServer();

    @BeforeEach
    void site() {
        StringBuilder index = new StringBuilder("<html><body>");
        index.append("<a href=\"/drip.html\">慢页面</a><a href=\"/drip-chunked.html\">慢页面二</a>")
                .append("<img src=\"/drip.png\" alt=\"慢图片\"><a href=\"/loop/0\">无尽跳转</a>")
                .append("<a href=\"/p0.html\">第一页</a>");
        // a chain of pages, each a little slow, so that most of them are fetched after the drips have timed out,
        // over connections that may have been pooled meanwhile
        for (int i = 0; i < ORDINARY; i++) {
            String next = i + 1 < ORDINARY ? "<a href=\"/p" + (i + 1) + ".html\">下一页</a>" : "";
            String html = "<html><body><a href=\"/index.html\">首页</a>" + next
                    + "<img src=\"/big" + i + ".png\" alt=\"大图\"></body></html>";
            server.route("/p" + i + ".html", ex -> {
                pause(100);
                FixtureServer.send(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
            });
            server.bytes("/big" + i + ".png", "image/png", PNG);
        }
        server.html("/index.html", index.append("</body></html>").toString());
        server.route("/drip.html", ex -> drip(ex, "text/html; charset=utf-8", 100_000));
        server.route("/drip-chunked.html", ex -> drip(ex, "text/html; charset=utf-8", 0));
        server.route("/drip.png", ex -> {
            if (ex.getRequestMethod().equals("HEAD")) {
                FixtureServer.send(ex, 405, "text/plain", new byte[0]);
            } else {
                drip(ex, "image/png", 2_000); // short enough that the checker drains it to reuse the connection
            }
        });
        for (int i = 0; i < 40; i++) {
            server.redirect("/loop/" + i, 302, "/loop/" + (i + 1));
        }
    }

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void aDripFedBodyTimesOutItsOwnUrlAndNoOtherRunAfterRun() throws InterruptedException {
        for (int run = 0; run < 5; run++) {
            CrawlResult result;
            try (SiteCrawler crawler = new SiteCrawler(LIMITS, NetworkScope.LOOPBACK_ONLY)) {
                result = crawler.crawl(server.url("/index.html"), new CrawlListener() {
                });
            }
            Map<String, String> broken = result.broken().stream().collect(Collectors.toMap(
                    l -> l.url().substring(l.url().indexOf('/', 8)), l -> l.status().describe(), (a, b) -> a,
                    TreeMap::new));
            assertThat(broken).as("run %d", run).containsOnlyKeys("/drip.html", "/drip-chunked.html",
                    "/drip.png", "/loop/0");
            assertThat(broken.get("/drip.html")).startsWith("响应超时");
            assertThat(broken.get("/drip-chunked.html")).startsWith("响应超时");
            assertThat(broken.get("/drip.png")).startsWith("响应超时");
            assertThat(broken.get("/loop/0")).isEqualTo("重定向次数过多（超过20次）");
            assertThat(result.pages()).as("run %d", run).isEqualTo(1 + ORDINARY);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the headers, then one byte every 50 ms until the client gives up (length 0: chunked). */
    private static void drip(HttpExchange ex, String type, int length) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, length);
        try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < (length == 0 ? 100_000 : length); i++) {
                out.write('<');
                out.flush();
                Thread.sleep(50);
            }
        } catch (IOException | InterruptedException e) {
            // the client closed the connection: what it should do
        }
    }

    /** A valid PNG of about 3.5 MB: random pixels do not compress. */
    private static byte[] noisePng() {
        BufferedImage img = new BufferedImage(1100, 1100, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(7);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, r.nextInt(1 << 24));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(out.size()).isGreaterThan(3_000_000);
        return out.toByteArray();
    }
}
