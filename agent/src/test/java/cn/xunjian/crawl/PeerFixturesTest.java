package cn.xunjian.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.net.NetworkScope;
import cn.xunjian.testing.FixtureServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Other link checkers' own fixtures (see {@code src/test/resources/peers/SOURCES.md}), served on 127.0.0.1, give
 * the result their tests assert: how many broken links, and which URLs are checked.
 */
class PeerFixturesTest {
    private static final CrawlLimits LIMITS = new CrawlLimits(50, 5, 4, Duration.ZERO, Duration.ofSeconds(5),
            1024 * 1024);

    private final FixtureServer server = new FixtureServer();

    @AfterEach
    void close() {
        server.close();
    }

    /**
     * @param start    the page the peer's test starts from
     * @param broken   how many broken links the peer's test finds
     * @param checked  URLs (a ';'-separated list, relative to the server, or absolute) the peer's test checks
     * @param brokenAt text that the broken link's URL contains, or empty
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "linkinator/srcset/index.html|0|/linkinator/srcset/_site/foo.html;/linkinator/srcset/_site/bar.html|",
        "linkinator/picture/index.html|0|/linkinator/picture/image.webp;/linkinator/picture/image.jpeg|",
        "linkinator/scripts/index.html|0|/linkinator/scripts/script.js|",
        "linkinator/malformed/index.html|1||//////",
        "linkinator/prefetch/index.html|0|http://example.invalid/site.css|",
        "linkinator/fragments-same-page/index.html|1||#nonexistent-section",
        "htmltest/hashSelfOk.html|0||",
        "htmltest/hashSelfBroken.html|1||#hashnotok",
        "htmltest/hashInternalOk.html|0|/htmltest/hashSelfOk.html|",
        "htmltest/hashInternalBroken.html|1||hashSelfOk.html#hashnotok",
    })
    void agreesWithThePeersTest(String start, int broken, String checked, String brokenAt)
            throws InterruptedException {
        serve(start.substring(0, start.indexOf('/')));
        List<String> seen = new ArrayList<>();
        CrawlResult result;
        try (SiteCrawler crawler = new SiteCrawler(LIMITS, NetworkScope.LOOPBACK_ONLY)) {
            result = crawler.crawl(server.url("/" + start), new CrawlListener() {
                @Override
                public void link(CheckedLink link) {
                    seen.add(link.url());
                }
            });
        }
        assertThat(result.broken()).as("broken links").hasSize(broken);
        if (brokenAt != null) {
            assertThat(result.broken().get(0).url()).contains(brokenAt);
        }
        if (checked != null) {
            for (String url : checked.split(";")) {
                assertThat(seen).contains(url.startsWith("http") ? url : server.url(url));
            }
        }
        if (start.endsWith("prefetch/index.html")) {
            assertThat(seen).as("hints are not links").containsExactly("http://example.invalid/site.css");
        }
    }

    /** Routes every fixture file of a peer to its path under /<peer>/. */
    private void serve(String peer) {
        for (String file : FILES) {
            if (!file.startsWith(peer + "/")) {
                continue;
            }
            byte[] body;
            try (InputStream in = PeerFixturesTest.class.getResourceAsStream("/peers/" + file)) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String lower = file.toLowerCase(Locale.ROOT);
            String type = lower.endsWith(".html") ? "text/html; charset=utf-8" : lower.endsWith(".js")
                    ? "application/javascript" : lower.endsWith(".webp") ? "image/webp" : "image/jpeg";
            server.bytes("/" + file, type, body);
        }
    }

    private static final List<String> FILES = List.of("linkinator/srcset/index.html",
            "linkinator/srcset/_site/foo.html", "linkinator/srcset/_site/bar.html", "linkinator/picture/index.html",
            "linkinator/picture/image.jpeg", "linkinator/picture/image.webp", "linkinator/scripts/index.html",
            "linkinator/scripts/script.js", "linkinator/malformed/index.html", "linkinator/prefetch/index.html",
            "linkinator/fragments-same-page/index.html", "htmltest/hashSelfOk.html", "htmltest/hashSelfBroken.html",
            "htmltest/hashInternalOk.html", "htmltest/hashInternalBroken.html");
}
