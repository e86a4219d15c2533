package cn.xunjian.search;

import static cn.xunjian.search.SiteSearchFixtures.TITLES;
import static cn.xunjian.search.SiteSearchFixtures.home;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.audit.AuditSettings;
import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.browser.BrowserSession;
import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.browser.PageLoad;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.check.SiteContext;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.FixtureServer;
import cn.xunjian.vision.ZxingQrDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site-search check with real Chromium against fixture sites whose search works, fails or is missing. */
class SiteSearchIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;
    private static FixtureServer server;
    private static BrowserRuntime browser;

    private static String query(com.sun.net.httpserver.HttpExchange ex, String name) {
        return SiteSearchFixtures.query(ex.getRequestURI().getRawQuery(), name);
    }

    @BeforeAll
    static void start() {
        server = new FixtureServer()
                .html("/a/index.html", home(SiteSearchFixtures.SERVER_SEARCH))
                .route("/a/search", ex -> FixtureServer.send(ex, 200, "text/html; charset=utf-8",
                        SiteSearchFixtures.serverResults(query(ex, "searchword")).getBytes(StandardCharsets.UTF_8)))
                .html("/b/index.html", home(SiteSearchFixtures.IN_PLACE_SEARCH + "\n" + """
                        <script>
                          const index = %s;
                          document.getElementById('kw').addEventListener('keydown', (e) => {
                            if (e.key !== 'Enter') return;
                            const q = e.target.value.trim();
                            document.getElementById('results').innerHTML = '<h3>检索结果</h3>' + index
                              .filter((t) => t.includes(q)).map((t) => '<p>' + t + '</p>').join('');
                          });
                        </script>""".formatted(TITLES.stream().map(t -> "'" + t + "'")
                        .collect(Collectors.joining(",", "[", "]")))))
                .html("/c/index.html", home(SiteSearchFixtures.NOTHING_FOUND_SEARCH))
                .route("/c/search", ex -> FixtureServer.send(ex, 200, "text/html; charset=utf-8",
                        SiteSearchFixtures.nothingFound(query(ex, "q")).getBytes(StandardCharsets.UTF_8)))
                .html("/d/index.html", home(SiteSearchFixtures.NO_SEARCH_BOX))
                .html("/e/index.html", home(SiteSearchFixtures.DEAD_BUTTON_SEARCH))
                .html("/f/index.html", home(SiteSearchFixtures.ERROR_SEARCH))
                .html("/g/index.html", home(SiteSearchFixtures.SEARCH_PAGE_LINK))
                .html("/g/so/index.html", SiteSearchFixtures.MOE_SEARCH_PAGE)
                .route("/g/s", ex -> FixtureServer.send(ex, 200, "text/html; charset=utf-8",
                        SiteSearchFixtures.serverResults(query(ex, "qt")).getBytes(StandardCharsets.UTF_8)))
                .html("/h/index.html", home(SiteSearchFixtures.FOREIGN_SEARCH_LINK));
        browser = BrowserRuntime.start(NetworkScope.LOOPBACK_ONLY);
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    private static Finding run(String home) throws InterruptedException {
        SiteFile site = SiteFile.of("某县人民政府", server.url(home));
        try (BrowserSession session = browser.openSession(DeviceProfile.DESKTOP)) {
            PageLoad.Loaded loaded = (PageLoad.Loaded) session.load(site.url(), Duration.ofSeconds(15));
            SiteEvidence evidence = new SiteEvidence(new EvidenceStore(dir, CLOCK), "site" + home.charAt(1));
            SiteContext ctx = cn.xunjian.testing.SiteContextBuilder.of(site, loaded.page(), browser, evidence, null,
                    CLOCK, new cn.xunjian.check.Facts());
            List<Finding> findings = new SiteSearchCheck().run(ctx);
            assertThat(findings).hasSize(1);
            assertThat(findings.get(0).indicator()).isEqualTo("W-D3");
            assertThat(findings.get(0).evidence()).extracting(e -> e.type()).contains("screenshot");
            return findings.get(0);
        }
    }

    @Test
    void aServerSideSearchThatFindsTheNewestHomePageTitleWorks() throws Exception {
        Finding f = run("/a/index.html");

        assertThat(f.kind()).isEqualTo("search.ok");
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message()).contains(TITLES.get(0));
        assertThat(f.url()).contains("/a/search?searchword=");
    }

    @Test
    void aClientSideSearchThatShowsResultsInPlaceWorksThoughTheTitleWasAlreadyOnThePage() throws Exception {
        Finding f = run("/b/index.html");

        assertThat(f.kind()).isEqualTo("search.ok");
        assertThat(f.url()).endsWith("/b/index.html");
    }

    @Test
    void aSearchThatFindsNothingIsUselessEvenThoughItEchoesTheQuery() throws Exception {
        Finding f = run("/c/index.html");

        assertThat(f.kind()).isEqualTo("search.useless");
        assertThat(f.severity()).isEqualTo(Severity.DEDUCT);
        assertThat(f.message()).contains("没有结果", "没有找到");
    }

    @Test
    void aHomePageWithoutASearchBoxIsMissingSearch() throws Exception {
        Finding f = run("/d/index.html");

        assertThat(f.kind()).isEqualTo("search.missing");
        assertThat(f.severity()).isEqualTo(Severity.DEDUCT);
    }

    @Test
    void aSearchButtonThatDoesNothingIsUselessThoughTheTitleStaysOnTheHomePage() throws Exception {
        Finding f = run("/e/index.html");

        assertThat(f.kind()).isEqualTo("search.useless");
        assertThat(f.message()).contains("没有任何反应");
    }

    @Test
    void aSearchLeadingToAnErrorPageIsUseless() throws Exception {
        Finding f = run("/f/index.html");

        assertThat(f.kind()).isEqualTo("search.useless");
        assertThat(f.message()).contains("HTTP 404");
    }

    @Test
    void aHomePageWithoutABoxThatLinksASearchPageIsSearchedOnThatPage() throws Exception {
        Finding f = run("/g/index.html");

        assertThat(f.kind()).as(f.message()).isEqualTo("search.ok");
        assertThat(f.url()).contains("/g/s?").contains("qt=");
        assertThat(f.message()).contains("首页“搜索”链接打开的站内搜索页面", TITLES.get(0));
    }

    @Test
    void aLinkedSearchPageOutsideTheNetworkScopeIsUnverifiedNotMissing() throws Exception {
        Finding f = run("/h/index.html");

        assertThat(f.kind()).isEqualTo("search.unverified");
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(f.message()).contains("https://so.moe.gov.cn/", "不在允许访问的网络范围内");
    }
}
