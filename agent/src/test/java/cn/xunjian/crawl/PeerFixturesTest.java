package cn.xunjian.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.net.NetworkScope;
import cn.xunjian.testing.FixtureServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
     * @param brokenAt texts (';'-separated) each of which some broken link's URL contains, or empty
     * @param exactly  true when {@code checked} is every URL the crawl may report, as the peer's test asserts
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "linkinator/srcset/index.html|0|/linkinator/srcset/_site/foo.html;/linkinator/srcset/_site/bar.html||false",
        "linkinator/picture/index.html|0|/linkinator/picture/image.webp;/linkinator/picture/image.jpeg||false",
        "linkinator/scripts/index.html|0|/linkinator/scripts/script.js||false",
        "linkinator/malformed/index.html|1||//////|false",
        "linkinator/prefetch/index.html|0|http://example.invalid/site.css||true",
        "linkinator/fragments-same-page/index.html|1||#nonexistent-section|false",
        "htmltest/hashSelfOk.html|0|||false",
        "htmltest/hashSelfBroken.html|1||#hashnotok|false",
        "htmltest/hashInternalOk.html|0|/htmltest/hashSelfOk.html||false",
        "htmltest/hashInternalBroken.html|1||hashSelfOk.html#hashnotok|false",
        "lychee/fragments/file.html|2|/lychee/fragments/file1.md|file.html#in-the-end;file.html#in-THE-begiNNing|false",
        "lychee/TEST_HTML5_MINIFIED.html|0|https://example.com/;https://example.com/favicon.ico;"
            + "https://example.com/docs/;https://example.com/forum||true",
        "lychee/TEST_DATA_URIS.html|0|http://www.w3.org/2000/svg;/lychee/assets/img/bg-water.webp||true",
        "lychee/LINK_PERIOD.html|0|https://www.example.com/smth.||true",
        "lychee/TEST_HTML5_MALFORMED_LINKS.html|2|https://example.com/valid|malformed_one;https://example]org|false",
    })
    void agreesWithThePeersTest(String start, int broken, String checked, String brokenAt, boolean exactly)
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
            for (String part : brokenAt.split(";")) {
                assertThat(result.broken()).as("broken: " + part).anyMatch(l -> l.url().contains(part));
            }
        }
        List<String> expected = checked == null ? List.of() : Arrays.stream(checked.split(";"))
                .map(url -> url.startsWith("http") ? url : server.url(url)).toList();
        assertThat(seen).containsAll(expected);
        if (exactly) {
            assertThat(seen).as("no other URL is a link (hints, data: URLs)").containsExactlyInAnyOrderElementsOf(
                    expected);
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
                    ? "application/javascript" : lower.endsWith(".webp") ? "image/webp" : lower.endsWith(".md")
                    ? "text/markdown; charset=utf-8" : "image/jpeg";
            if (file.equals("lychee/TEST_DATA_URIS.html")) {
                // its one ordinary link points at http://localhost/ (port 80): here it is this server's
                body = new String(body, StandardCharsets.UTF_8).replace("http://localhost/", server.url("/lychee/"))
                        .getBytes(StandardCharsets.UTF_8);
            }
            server.bytes("/" + file, type, body);
        }
        if (peer.equals("lychee")) {
            server.bytes("/lychee/assets/img/bg-water.webp", "image/webp", new byte[] {'R', 'I', 'F', 'F'});
        }
    }

    private static final List<String> FILES = List.of("linkinator/srcset/index.html",
            "linkinator/srcset/_site/foo.html", "linkinator/srcset/_site/bar.html", "linkinator/picture/index.html",
            "linkinator/picture/image.jpeg", "linkinator/picture/image.webp", "linkinator/scripts/index.html",
            "linkinator/scripts/script.js", "linkinator/malformed/index.html", "linkinator/prefetch/index.html",
            "linkinator/fragments-same-page/index.html", "htmltest/hashSelfOk.html", "htmltest/hashSelfBroken.html",
            "htmltest/hashInternalOk.html", "htmltest/hashInternalBroken.html", "lychee/fragments/file.html",
            "lychee/fragments/file1.md", "lychee/TEST_HTML5_MINIFIED.html", "lychee/TEST_DATA_URIS.html",
            "lychee/LINK_PERIOD.html", "lychee/TEST_HTML5_MALFORMED_LINKS.html");
}
