package cn.xunjian.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.net.NetworkScope;
import cn.xunjian.model.Finding;
import cn.xunjian.evidence.ManifestVerifier;
import cn.xunjian.report.Report;
import cn.xunjian.report.SiteReport;
import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.FixtureServer;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole audit of a hostile site: dialogs and pop-ups on load, malformed HTML, a page in GBK declared as UTF-8's
 * neighbour, a redirect loop, a page that never finishes, a 10 MB page, links with spaces and Chinese characters,
 * {@code javascript:} and {@code mailto:} links. Each becomes findings or is skipped; none stops the audit.
 */
class HostileSiteIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    static Path run;
    private static FixtureServer server;
    private static Report report;

    @BeforeAll
    static void audit() throws Exception {
        String home = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>红石镇人民政府</title>
                <script>alert('欢迎访问'); confirm('是否继续？'); window.open('/h/popup.html'); prompt('请输入');</script>
                </head><body><div class="nav"><ul><li><a href="/h/news.html">镇务动态</a></li></ul>
                <ul><li><a href="/h/news.html">红石镇召开冬季防火会议</a><span>2026-11-20</span>
                <li><a href="/h/loop">往期回顾</a><li><a href="/h/slow.html">慢页面</a><li><a href="/h/big.html">大页面</a>
                <li><a href="/h/年度 报告.html">年度 报告</a><li><a href="javascript:void(0)">无障碍</a>
                <li><a href="mailto:hs@example.gov.cn">联系我们</a><li><a href="/h/gbk.html">旧栏目</a>
                <table><tr><td><div><p>未闭合的表格和段落
                </body></html>""";
        String big = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>大页面</title></head><body>"
                + "<p>重复的内容。</p>".repeat(400_000) + "</body></html>";
        server = new FixtureServer()
                .html("/h/", home)
                .html("/h/popup.html", "<html><body><script>alert('弹窗')</script>弹窗</body></html>")
                .html("/h/news.html", "<html><head><meta charset=\"utf-8\"><title>镇务动态</title></head><body><ul>"
                        + "<li><a href=\"/h/news.html\">红石镇召开冬季防火会议</a><span>2026-11-20</span></li></ul></body></html>")
                .route("/h/loop", ex -> {
                    ex.getResponseHeaders().set("Location", "/h/loop2");
                    FixtureServer.send(ex, 302, "text/html", new byte[0]);
                })
                .route("/h/loop2", ex -> {
                    ex.getResponseHeaders().set("Location", "/h/loop");
                    FixtureServer.send(ex, 302, "text/html", new byte[0]);
                })
                .hang("/h/slow.html")
                .html("/h/big.html", big)
                .html("/h/年度 报告.html", "<html><body><p>年度报告</p></body></html>")
                .html("/h/gbk.html", "<html><head><title>旧栏目</title></head><body><p>国务院办公厅通知</p></body></html>",
                        Charset.forName("GBK"), "GBK");
        AuditSettings settings = AuditSettings.standard(NetworkScope.LOOPBACK_ONLY);
        settings = settings.withAvailabilityTimeout(3);
        report = new Auditor(settings, CLOCK).audit(
                List.of(new SiteFile("红石镇人民政府", "3301850404", server.url("/h/"), "township", null, null, null, null)),
                run, Auditor.ProgressListener.NONE);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theAuditCompletesWithAVerdictAndIntactEvidence() throws Exception {
        SiteReport site = report.sites().get(0);
        assertThat(site.verdict().label()).isIn("合格", "不合格");
        assertThat(site.findings()).extracting(Finding::kind).contains("availability.ok", "crawl.summary")
                .noneMatch(k -> k.endsWith(".errored"));
        assertThat(new ManifestVerifier().verify(run).intact()).isTrue();
    }

    @Test
    void theRedirectLoopAndTheHangingPageAreBrokenLinksAndTheOthersAreNot() {
        List<Finding> broken = report.sites().get(0).findings().stream()
                .filter(f -> f.kind().startsWith("link.broken")).toList();
        assertThat(broken).extracting(Finding::url).anySatisfy(u -> assertThat(u).endsWith("/h/loop"))
                .anySatisfy(u -> assertThat(u).endsWith("/h/slow.html"))
                .noneSatisfy(u -> assertThat(u).contains("big.html"))
                .noneSatisfy(u -> assertThat(u).contains("gbk.html"))
                .noneSatisfy(u -> assertThat(u).containsIgnoringCase("%E5%B9%B4"))
                .noneSatisfy(u -> assertThat(u).startsWith("javascript:").startsWith("mailto:"));
    }
}
