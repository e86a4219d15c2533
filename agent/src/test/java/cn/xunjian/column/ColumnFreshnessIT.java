package cn.xunjian.column;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.browser.BrowserSession;
import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.browser.PageLoad;
import cn.xunjian.model.Finding;
import cn.xunjian.crawl.PageSource;
import cn.xunjian.check.Renderer;
import cn.xunjian.model.Severity;
import cn.xunjian.model.SitePage;
import cn.xunjian.crawl.CharsetDetector;
import cn.xunjian.demo.DemoPortal;
import cn.xunjian.model.Evidence;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.testing.FixtureServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The column check over HTTP pages on 127.0.0.1, with screenshots from the real Chromium. */
class ColumnFreshnessIT {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};
    private static BrowserRuntime runtime;
    private static DemoPortal demo;
    private static FixtureServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        demo = DemoPortal.start(DateExtractorTest.CLOCK);
        server = new FixtureServer()
                .html("/", "<html><body><div class=\"nav\"><ul><li><a href=\"/xxgk/gzdt/\">工作动态</a></li></ul></div>"
                        + "<div><h2>要闻</h2><ul><li><a href=\"/a.html\">要闻一</a> 2026-11-21</li></ul></div></body></html>")
                .html("/xxgk/gzdt/", "<html><head><meta charset=\"gbk\"></head><body><h2>工作动态</h2><ul>"
                        + "<li><a href=\"/xxgk/gzdt/1.html\">县政府召开专题会议</a><span>2026年10月1日</span></li>"
                        + "</ul></body></html>", Charset.forName("GBK"), null)
                .html("/js/", "<html><body><div class=\"nav\"><ul>"
                        + "<li><a href=\"/js/col/col4227/index.html\">工作动态</a></li>"
                        + "<li><a href=\"/js/col/col4228/index.html\">通知公告</a></li>"
                        + "<li><a href=\"/js/col/col4229/index.html\">人事信息</a></li></ul></div>"
                        + "<div><h2>要闻</h2><ul><li><a href=\"/a.html\">要闻一</a> 2026-11-21</li></ul></div></body></html>")
                .html("/js/col/col4227/index.html", ScriptBuiltColumns.jpageColumn("工作动态",
                        ScriptBuiltColumns.record("/art/2026/11/18/art_4227_1.html", "县政府召开冬季安全生产会议", "2026-11-18"),
                        ScriptBuiltColumns.record("/art/2026/11/2/art_4227_2.html", "全县秋冬季森林防火工作部署", "2026-11-02")))
                .html("/js/col/col4228/index.html", ScriptBuiltColumns.xhrColumn("通知公告"))
                .html("/js/col/col4229/index.html", ScriptBuiltColumns.jpageColumn("人事信息"))
                .bytes("/module/jslib/jpage/jpage.js", "text/javascript; charset=utf-8",
                        ScriptBuiltColumns.JPAGE_STANDIN.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .bytes("/module/jslib/dataproxy-loader.js", "text/javascript; charset=utf-8",
                        ScriptBuiltColumns.DATAPROXY_LOADER.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .route("/module/web/jpage/dataproxy.jsp", ex -> {
                    ex.getRequestBody().readAllBytes();
                    FixtureServer.send(ex, 200, "text/xml; charset=utf-8", ScriptBuiltColumns.dataproxy(
                            ScriptBuiltColumns.record("/art/2026/11/20/art_4228_1.html", "关于冬季供暖有关事项的通知", "2026-11-20"))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                });
        runtime = BrowserRuntime.start(NetworkScope.LOOPBACK_ONLY);
    }

    @AfterAll
    static void stop() {
        runtime.close();
        demo.close();
        server.close();
    }

    /** Fetches and decodes pages as the crawler does: header, then meta, then sniffing. */
    private static PageSource http() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return url -> {
            try {
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() >= 400) {
                    return Optional.empty();
                }
                String html = CharsetDetector.decode(r.body(), r.headers().firstValue("Content-Type").orElse(null));
                return Optional.of(new SitePage(r.uri().toString(), html, 1));
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        };
    }

    /** Renders as the audit does: after the load event and the network gone idle. */
    private static Renderer renderer(BrowserSession session) {
        return url -> session.load(url, Duration.ofSeconds(15), null) instanceof PageLoad.Loaded l && l.status() < 400
                ? Optional.of(l.page()) : Optional.empty();
    }

    private List<Finding> audit(String homeUrl) {
        PageSource pages = http();
        SitePage home = pages.fetch(homeUrl).map(p -> new SitePage(p.url(), p.html(), 0)).orElseThrow();
        try (BrowserSession session = runtime.openSession(DeviceProfile.DESKTOP)) {
            SiteEvidence evidence = new SiteEvidence(new EvidenceStore(dir, DateExtractorTest.CLOCK), "site-01");
            return new ColumnFreshnessCheck().audit(home, pages, renderer(session), evidence, DateExtractorTest.CLOCK);
        }
    }

    @Test
    void theDemoColumnsShowABlankPersonnelColumnAStalePlanningColumnAndABackdatedItem() throws IOException {
        List<Finding> findings = audit(demo.origin() + "/column/index.html");
        assertThat(findings).extracting(Finding::indicator, Finding::kind, Finding::severity, Finding::url)
                .containsExactlyInAnyOrder(
                        tuple("W-V4", "column.blank", Severity.WARN, demo.origin() + "/column/rsxx/index.html"),
                        tuple("W-V4", "column.stale", Severity.WARN, demo.origin() + "/column/ghjh/index.html"),
                        tuple("W-V1", "column.backdated", Severity.WARN, demo.origin() + "/column/bmdt/2026/1110-1.html"));
        Finding stale = findings.stream().filter(f -> f.kind().equals("column.stale")).findFirst().orElseThrow();
        assertThat(stale.message()).isEqualTo("栏目“规划计划”（人事规划类）最近更新 2025-09-29，已 420 天未更新，超过 1 年");
        Evidence shot = stale.evidence().get(0);
        assertThat(shot.type()).isEqualTo("screenshot");
        byte[] png = Files.readAllBytes(dir.resolve(shot.path()));
        assertThat(png).startsWith(PNG_MAGIC);
        assertThat(png.length).isGreaterThan(1000);
    }

    @Test
    void aGbkColumnServedWithoutACharsetHeaderIsDecodedAndJudged() {
        List<Finding> findings = audit(server.url("/"));
        assertThat(findings).extracting(Finding::message)
                .containsExactly("栏目“工作动态”（动态要闻类）最近更新 2026-10-01，已 53 天未更新，超过 14 天");
    }

    @Test
    void columnsBuiltByScriptOrXhrAreReadFromTheRenderedPageAndOnlyTheEmptyOneIsBlank() throws IOException {
        List<Finding> findings = audit(server.url("/js/"));
        assertThat(findings).extracting(Finding::kind, Finding::url)
                .containsExactly(tuple("column.blank", server.url("/js/col/col4229/index.html")));
        assertThat(findings.get(0).message()).contains("人事信息", "暂无信息");
        assertThat(findings.get(0).evidence()).extracting(Evidence::type).containsExactly("screenshot", "http");
    }
}
