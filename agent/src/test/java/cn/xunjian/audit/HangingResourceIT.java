package cn.xunjian.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.report.Report;
import cn.xunjian.report.SiteReport;
import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.FixtureServer;
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
 * Availability as a citizen sees it (issue 11, item 3), in real Chromium. One home page shows its content at once
 * and inserts the usual 百度统计 snippet (the shape tongji.baidu.com hands out, as on its own home page kept in
 * zhxieml/IEE-homework, Exp3/html/httptongji.baidu.com) aimed at a second server that accepts connections and
 * never answers, what a network that drops packets to the outside does. It is open, with a warning naming the
 * hanging host, and the rest of the audit runs. Another home page whose own document never arrives is still
 * unreachable. Both hosts are loopback names, so the scope blocking of the tests stays in force.
 */
class HangingResourceIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    static Path run;
    private static FixtureServer site;
    private static FixtureServer statistics;
    private static Report report;

    @BeforeAll
    static void audit() throws Exception {
        statistics = new FixtureServer().hang("/hm.js");
        // "localhost", not 127.0.0.1: another host than the site's, as hm.baidu.com is
        String hm = "http://localhost:" + statistics.port() + "/hm.js?41fc030db57d5570dd22f78997dc4a7e";
        String home = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>青山县人民政府</title>
                <script>
                var _hmt = _hmt || [];
                (function() {
                  var hm = document.createElement("script");
                  hm.src = "%s";
                  var s = document.getElementsByTagName("script")[0];
                  s.parentNode.insertBefore(hm, s);
                })();
                </script>
                </head><body><div class="nav"><ul><li><a href="/q/news.html">政务动态</a></li></ul></div>
                <ul><li><a href="/q/news.html">青山县召开冬季安全生产工作会议</a><span>2026-11-20</span></li></ul>
                </body></html>""".formatted(hm);
        site = new FixtureServer()
                .html("/q/", home)
                .html("/q/news.html", "<html><head><meta charset=\"utf-8\"><title>政务动态</title></head><body><ul>"
                        + "<li><a href=\"/q/news.html\">青山县召开冬季安全生产工作会议</a><span>2026-11-20</span></li></ul>"
                        + "</body></html>")
                .hang("/h/");
        AuditSettings settings = AuditSettings.standard(NetworkScope.LOOPBACK_ONLY).withAvailabilityTimeout(8);
        report = new Auditor(settings, CLOCK).audit(List.of(
                        new SiteFile("青山县人民政府", "3301850405", site.url("/q/"), "county", null, null, null, null),
                        new SiteFile("红石镇人民政府", "3301850404", site.url("/h/"), "township", null, null, null, null)),
                run, Auditor.ProgressListener.NONE);
    }

    @AfterAll
    static void stop() {
        site.close();
        statistics.close();
    }

    private static List<Finding> findings(int site) {
        return report.sites().get(site).findings();
    }

    @Test
    void aHomePageWhoseStatisticsScriptNeverAnswersIsOpenAndTheAuditGoesOn() {
        assertThat(findings(0)).extracting(Finding::kind).contains("availability.ok", "crawl.summary")
                .doesNotContain("availability.failed", "audit.incomplete");
        assertThat(findings(0)).noneMatch(f -> f.severity() == Severity.VETO && f.indicator().equals("W-V2"));
    }

    @Test
    void theHangingScriptIsAWarningThatNamesItsHost() {
        assertThat(findings(0)).filteredOn(f -> f.kind().equals("availability.resources")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARN);
                    assertThat(f.message()).contains("localhost:" + statistics.port()).contains("无响应")
                            .contains("/hm.js?41fc030db57d5570dd22f78997dc4a7e");
                    assertThat(f.evidence()).isNotEmpty();
                });
    }

    @Test
    void aHomePageWhoseOwnDocumentNeverArrivesIsStillUnreachable() {
        assertThat(findings(1)).filteredOn(f -> f.kind().equals("availability.failed"))
                .anySatisfy(f -> assertThat(f.message()).contains("浏览器打开").contains("超过8秒未打开"));
        assertThat(findings(1)).extracting(Finding::kind).contains("audit.incomplete")
                .doesNotContain("crawl.summary", "availability.resources");
    }
}
