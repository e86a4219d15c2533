package cn.xunjian.search;

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
import java.net.URLDecoder;
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
    private static final List<String> TITLES = List.of("县政府召开第38次常务会议研究冬季安全生产",
            "我县部署开展冬季安全生产大检查", "临江县数字政府建设再获省级表彰");

    @TempDir
    static Path dir;
    private static FixtureServer server;
    private static BrowserRuntime browser;

    private static String home(String searchBox) {
        String items = TITLES.stream().map(t -> "<li><a href=\"/news/1.html\">" + t + "</a><span>2026-11-20</span></li>")
                .collect(Collectors.joining());
        return "<html><head><meta charset=\"utf-8\"><title>某县人民政府</title></head><body>"
                + "<div class=\"top\">" + searchBox + "</div><ul class=\"nav\"><li><a href=\"/\">首页</a></li></ul>"
                + "<h2>今日要闻</h2><ul class=\"news\">" + items + "</ul>"
                + "<ul><li><a href=\"/attach/plan.pdf\">2026年工作计划全文（PDF）下载</a></li></ul></body></html>";
    }

    private static String page(String body) {
        return "<html><head><meta charset=\"utf-8\"><title>检索结果</title></head><body>" + body + "</body></html>";
    }

    private static String query(com.sun.net.httpserver.HttpExchange ex, String name) {
        String q = ex.getRequestURI().getRawQuery();
        for (String pair : q == null ? new String[0] : q.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    @BeforeAll
    static void start() {
        server = new FixtureServer()
                .html("/a/index.html", home("""
                        <form action="/a/search" method="get"><input name="searchword" placeholder="请输入关键词">
                        <button type="submit">搜索</button></form>"""))
                .route("/a/search", ex -> {
                    String q = query(ex, "searchword");
                    List<String> hits = TITLES.stream().filter(t -> !q.isBlank() && t.contains(q)).toList();
                    String body = hits.isEmpty() ? "<p>没有找到相关结果</p>"
                            : "<p>共" + hits.size() + "条</p><ol>" + hits.stream().map(h -> "<li><a href=\"/news/1.html\">"
                            + h.replace(q, "<em>" + q + "</em>") + "</a> 2026-11-20</li>").collect(Collectors.joining())
                            + "</ol>";
                    FixtureServer.send(ex, 200, "text/html; charset=utf-8", page(body).getBytes(StandardCharsets.UTF_8));
                })
                .html("/b/index.html", home("""
                        <input type="search" id="kw"><div id="results"></div>
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
                .html("/c/index.html", home("""
                        <form action="/c/search"><input name="q" placeholder="站内检索"><input type="submit" value="检索"></form>"""))
                .route("/c/search", ex -> FixtureServer.send(ex, 200, "text/html; charset=utf-8",
                        page("<p>您检索的内容：“" + query(ex, "q") + "”</p><p>抱歉，没有找到相关结果</p>")
                                .getBytes(StandardCharsets.UTF_8)))
                .html("/d/index.html", home("<span>欢迎访问</span>"))
                .html("/e/index.html", home("""
                        <div class="search"><input type="text" name="keyword" placeholder="搜索">
                        <span class="btn-search" onclick="void 0">搜索</span></div>"""))
                .html("/f/index.html", home("""
                        <form action="/f/cgi-bin/search.do"><input name="query"><button>搜索</button></form>"""));
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
            SiteContext ctx = new SiteContext(site, loaded.page(), browser, evidence,
                    NetworkScope.LOOPBACK_ONLY, cn.xunjian.net.HttpStack.of(NetworkScope.LOOPBACK_ONLY), Duration.ofSeconds(15),
                    null, image -> "", new ZxingQrDecoder(), CLOCK,
                    List.of());
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
}
