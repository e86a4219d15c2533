package cn.xunjian.audit;

import cn.xunjian.model.Verdict;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.net.NetworkScope;
import cn.xunjian.model.Finding;
import cn.xunjian.model.ProbeRecord;
import cn.xunjian.model.Severity;
import cn.xunjian.report.Report;
import cn.xunjian.report.SiteReport;
import cn.xunjian.site.SiteFile;
import cn.xunjian.store.JsonFileSubmittedMessageStore;
import cn.xunjian.store.jdbc.Database;
import cn.xunjian.store.jdbc.JdbcResultStore;
import cn.xunjian.store.jdbc.Migrations;
import cn.xunjian.testing.FixtureServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit as the daemon runs it, on a real H2 store holding a week of probes (6 % failed) and a previous run: the
 * week decides W-V2, this run's own successful probes do not outweigh it, and report.html shows the week, the chart
 * and which problems are new and which were fixed.
 */
class HistoryReportIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), SHANGHAI);

    @TempDir
    static Path dir;
    private static FixtureServer server;
    private static Database db;
    private static Report report;

    @BeforeAll
    static void auditWithHistory() throws Exception {
        server = new FixtureServer();
        String url = server.url("/clean/index.html");
        db = Database.open("jdbc:h2:file:" + dir.resolve("db"), "sa", "", 4);
        new Migrations(db.dataSource(), db.dialect()).migrate();
        JdbcResultStore store = new JdbcResultStore(db.dataSource());
        ZonedDateTime start = ZonedDateTime.now(CLOCK).toLocalDate().minusDays(7).atStartOfDay(SHANGHAI);
        for (int day = 0; day < 7; day++) {
            for (int i = 0; i < 24; i++) {
                boolean ok = !(day < 2 && i < 5); // 10 failures in 168 probes: 6 %, over the 5 % veto line
                String at = start.plusDays(day).plusHours(i).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                store.recordProbe(url, new ProbeRecord("http", url, ok ? 200 : 0, ok ? 300 : 15000, ok,
                        ok ? "" : "超过15秒未响应", at), "node-test");
            }
        }
        Finding fixedSince = new Finding("W-D2", "footer.icp.missing", Severity.DEDUCT, url, "页脚缺少ICP备案编号", List.of());
        store.beginRun(new JdbcResultStore.RunStart("previous", url, "清河镇人民政府", "3301850101", "node-test",
                CLOCK.instant().minusSeconds(86_400), dir.resolve("runs/previous")));
        store.completeRun("previous", CLOCK.instant().minusSeconds(80_000), new SiteReport("清河镇人民政府", "3301850101",
                url, Verdict.PASSED, 99.0, List.of(fixedSince)), List.of());
        AuditSettings settings = AuditSettings.standard(NetworkScope.LOOPBACK_ONLY);
        settings = settings.withAvailabilityTimeout(3);
        AuditServices services = new AuditServices(new JsonFileSubmittedMessageStore(dir.resolve("messages.json")),
                Optional.of(store), Optional.of(store), "current");
        report = new Auditor(settings, CLOCK, services).audit(
                List.of(new SiteFile("清河镇人民政府", "3301850101", url, "township", null, null, null, null)),
                dir.resolve("run"), Auditor.ProgressListener.NONE);
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    @Test
    void theStoredWeekDecidesWv2() {
        SiteReport site = report.sites().get(0);
        assertThat(site.findings()).filteredOn(f -> f.kind().equals("availability.week-failed")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.VETO));
        assertThat(site.findings()).extracting(Finding::kind).contains("availability.ok");
        assertThat(site.verdict().label()).isEqualTo("不合格");
    }

    @Test
    void reportHtmlShowsTheWeekTheChartAndWhatWasFixed() throws Exception {
        String html = Files.readString(dir.resolve("run/report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("站点可用性（W-V2").contains("<svg").contains("已整改").contains("页脚缺少ICP备案编号")
                .contains("新发现");
    }
}
