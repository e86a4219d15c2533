package cn.xunjian.store.jdbc;

import cn.xunjian.model.Verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xunjian.model.Finding;
import cn.xunjian.model.ProbeRecord;
import cn.xunjian.model.Severity;
import cn.xunjian.model.Evidence;
import cn.xunjian.evidence.ManifestEntry;
import cn.xunjian.report.SiteReport;
import cn.xunjian.store.SubmittedMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcResultStoreTest {
    private static final String SITE = "http://127.0.0.1:1/";
    @TempDir
    Path dir;
    private Database db;
    private JdbcResultStore store;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE", "sa", "", 4);
        new Migrations(db.dataSource(), db.dialect()).migrate();
        store = new JdbcResultStore(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void migrationsCreateQuartzAndResultTablesOnceAndRecordTheirVersions() throws Exception {
        Migrations m = new Migrations(db.dataSource(), db.dialect());
        assertThat(m.applied()).extracting(Migrations.Applied::version).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(m.applied()).allMatch(Migrations.Applied::success);
        assertThat(m.migrate()).isEmpty();
        assertThat(m.applied()).hasSize(6);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM QRTZ_TRIGGERS").close();
            s.executeQuery("SELECT COUNT(*) FROM XJ_RUNS").close();
        }
    }

    @Test
    void probesComeBackInTheRequestedWindowOldestFirst() {
        store.recordProbe(SITE, new ProbeRecord("http", SITE, 200, 12, true, "", "2026-11-20T10:00:00+08:00"), "n1");
        store.recordProbe(SITE, new ProbeRecord("http", SITE, 0, 15000, false, "超过15秒未响应", "2026-11-20T09:00:00+08:00"), "n1");
        store.recordProbe(SITE, new ProbeRecord("http", SITE, 200, 5, true, "", "2026-11-27T10:00:00+08:00"), "n1");
        store.recordProbe("http://other/", new ProbeRecord("http", "http://other/", 200, 5, true, "", "2026-11-20T10:00:00+08:00"), "n1");

        List<ProbeRecord> week = store.probes(SITE, Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-27T03:00:00Z"));

        assertThat(week).extracting(ProbeRecord::at)
                .containsExactly("2026-11-20T09:00:00+08:00", "2026-11-20T10:00:00+08:00", "2026-11-27T10:00:00+08:00");
        assertThat(week.get(0).ok()).isFalse();
        assertThat(week.get(0).reason()).isEqualTo("超过15秒未响应");
    }

    @Test
    void aCompletedRunKeepsItsFindingsEvidenceAndVerdict() {
        store.beginRun(start("r1", "2026-11-20T18:00:00Z"));
        Finding f = new Finding("W-V4", "column.blank", Severity.VETO, SITE + "col/", "栏目空白",
                List.of(new Evidence("screenshot", "site-01/a.png", "ab".repeat(32)),
                        Evidence.archived("site-01/archive.wacz", "cd".repeat(32), SITE + "col/",
                                "2026-11-21T02:00:01+08:00")));
        SiteReport completed = report(List.of(f));
        store.completeRun("r1", Instant.parse("2026-11-20T18:01:00Z"), completed,
                List.of(new ManifestEntry("site-01/a.png", "ab".repeat(32), 10, "screenshot", SITE, "2026-11-21T02:00:00+08:00")));

        StoredRun run = store.run("r1").orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.verdict()).isEqualTo("不合格");
        assertThat(store.findings("r1")).containsExactlyElementsOf(completed.findings());
        assertThat(store.findings("r1").get(0).id()).isNotBlank();
        assertThat(store.evidence("r1")).extracting(ManifestEntry::path).containsExactly("site-01/a.png");
    }

    @Test
    void previousFindingsSkipInterruptedRunsAndTheRunItself() {
        Finding old = new Finding("W-D2", "footer.icp.missing", Severity.DEDUCT, SITE, "缺少ICP备案号", List.of());
        store.beginRun(start("r1", "2026-11-18T18:00:00Z"));
        SiteReport first = report(List.of(old));
        store.completeRun("r1", Instant.parse("2026-11-18T18:05:00Z"), first, List.of());
        store.beginRun(start("r2", "2026-11-19T18:00:00Z"));
        store.interruptRun("r2", Instant.parse("2026-11-19T18:02:00Z"), "进程被终止");
        store.beginRun(start("r3", "2026-11-20T18:00:00Z"));

        assertThat(store.previousFindings(SITE, "r3")).contains(first.findings());
        assertThat(store.previousFindings(SITE, "r1")).isEmpty();
        assertThat(store.findings("r2")).isEmpty();
    }

    @Test
    void aRunMarkedInterruptedCannotBeCompletedLater() {
        store.beginRun(start("r1", "2026-11-20T18:00:00Z"));
        assertThat(store.interruptRun("r1", Instant.parse("2026-11-20T18:01:00Z"), "重启时发现未完成")).isTrue();

        assertThatThrownBy(() -> store.completeRun("r1", Instant.parse("2026-11-20T18:02:00Z"),
                report(List.of(new Finding("W-V2", "x", Severity.INFO, SITE, "m", List.of()))), List.of()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.findings("r1")).isEmpty();
        assertThat(store.run("r1").orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);
    }

    @Test
    void retentionDeletesOldRunsAndProbesButKeepsRecentOnes() {
        store.beginRun(start("old", "2026-08-01T00:00:00Z"));
        store.completeRun("old", Instant.parse("2026-08-01T00:05:00Z"), report(List.of()), List.of());
        store.beginRun(start("new", "2026-11-20T00:00:00Z"));
        store.recordProbe(SITE, new ProbeRecord("http", SITE, 200, 5, true, "", "2026-08-01T10:00:00+08:00"), "n1");
        store.recordProbe(SITE, new ProbeRecord("http", SITE, 200, 5, true, "", "2026-11-20T10:00:00+08:00"), "n1");

        List<StoredRun> deleted = store.deleteOlderThan(Instant.parse("2026-11-01T00:00:00Z"));

        assertThat(deleted).extracting(StoredRun::id).containsExactly("old");
        assertThat(store.runs()).extracting(StoredRun::id).containsExactly("new");
        assertThat(store.size().probes()).isEqualTo(1);
    }

    @Test
    void submittedMessagesAreStoredAndMarkedAnswered() {
        JdbcSubmittedMessageStore messages = new JdbcSubmittedMessageStore(db.dataSource());
        messages.save(new SubmittedMessage(SITE, SITE + "ask", "Q2", "测试二", "2026-11-21T10:00:00+08:00", null));
        messages.save(new SubmittedMessage(SITE, SITE + "ask", "Q1", "测试一", "2026-11-20T10:00:00+08:00", null));

        assertThat(messages.unanswered()).extracting(SubmittedMessage::queryCode).containsExactly("Q1", "Q2");
        messages.markAnswered(SITE, "Q1", "2026-11-22T09:00:00+08:00");
        assertThat(messages.unanswered()).extracting(SubmittedMessage::queryCode).containsExactly("Q2");
        assertThat(messages.all()).filteredOn(m -> m.queryCode().equals("Q1"))
                .extracting(SubmittedMessage::answeredAt).containsExactly("2026-11-22T09:00:00+08:00");
    }

    private static JdbcResultStore.RunStart start(String id, String at) {
        return new JdbcResultStore.RunStart(id, SITE, "测试站", null, "n1", Instant.parse(at), Path.of("/tmp/" + id));
    }

    private static SiteReport report(List<Finding> findings) {
        boolean veto = findings.stream().anyMatch(f -> f.severity() == Severity.VETO);
        return new SiteReport("测试站", null, SITE, veto ? Verdict.FAILED : Verdict.PASSED, veto ? 0.0 : 100.0, findings);
    }
}
