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
                        + "</ul></body></html>", Charset.forName("GBK"), null);
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

    private static Renderer renderer(BrowserSession session) {
        return url -> session.load(url, Duration.ofSeconds(15)) instanceof PageLoad.Loaded l && l.status() < 400
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
}
