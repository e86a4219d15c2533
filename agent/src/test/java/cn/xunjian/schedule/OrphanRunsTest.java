package cn.xunjian.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.Verdict;
import cn.xunjian.report.SiteReport;
import cn.xunjian.store.jdbc.Database;
import cn.xunjian.store.jdbc.JdbcResultStore;
import cn.xunjian.store.jdbc.Migrations;
import cn.xunjian.store.jdbc.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.impl.JobExecutionContextImpl;
import org.quartz.spi.OperableTrigger;
import org.quartz.spi.TriggerFiredBundle;

/** What an audit job settles first about its site's earlier runs, on an embedded H2 store. */
class OrphanRunsTest {
    private static final String SITE = "http://127.0.0.1:9/";
    private static final Instant NIGHT = Instant.parse("2026-12-01T18:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private JdbcResultStore results;
    private final Clock clock = Clock.fixed(NIGHT.plus(Duration.ofHours(1)), ZoneOffset.UTC);

    @BeforeEach
    void store() {
        db = Database.open("jdbc:h2:mem:orphan-runs-" + java.util.UUID.randomUUID(), "sa", "", 2);
        new Migrations(db.dataSource(), db.dialect()).migrate();
        results = new JdbcResultStore(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aRecoveredFireIsNotAuditedAgainWhenTheDeadNodeCommittedItsRunAfterThatFire() {
        complete("yesterday", NIGHT.minus(Duration.ofDays(1)));
        OrphanRuns orphans = new OrphanRuns(results, "node-b", clock);
        assertThat(orphans.completedByDeadNode(SITE, context(true, NIGHT))).isEmpty();
        complete("tonight", NIGHT.plusSeconds(3));
        assertThat(orphans.completedByDeadNode(SITE, context(true, NIGHT))).get()
                .extracting(r -> r.id()).isEqualTo("tonight");
        assertThat(orphans.completedByDeadNode(SITE, context(false, NIGHT))).as("an ordinary fire").isEmpty();
    }

    @Test
    void runsLeftRunningByThisOrAnotherNodeAreInterruptedWithTheirDirectoriesAndNamedInTheReason() throws Exception {
        Path other = begin("of-node-a", "node-a");
        Path own = begin("of-node-b", "node-b");
        complete("done", NIGHT.minus(Duration.ofDays(1)));

        new OrphanRuns(results, "node-b", clock).interrupt(SITE);

        assertThat(results.run("of-node-a").orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(results.run("of-node-a").orElseThrow().detail()).contains("节点 node-a").contains("已由节点 node-b 接手");
        assertThat(results.run("of-node-b").orElseThrow().detail()).contains("本节点");
        assertThat(results.run("done").orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(other).doesNotExist();
        assertThat(own).doesNotExist();
        assertThat(results.running(SITE)).isEmpty();
    }

    private Path begin(String id, String node) throws Exception {
        Path runDir = Files.createDirectories(dir.resolve(id));
        Files.writeString(runDir.resolve("half.html"), "<html></html>");
        results.beginRun(new JdbcResultStore.RunStart(id, SITE, "测试站", null, node, NIGHT.plusSeconds(1), runDir));
        return runDir;
    }

    private void complete(String id, Instant started) {
        results.beginRun(new JdbcResultStore.RunStart(id, SITE, "测试站", null, "node-a", started, dir.resolve(id)));
        results.completeRun(id, started.plusSeconds(30), new SiteReport("测试站", null, SITE, Verdict.PASSED, 100.0,
                List.of()), List.of());
    }

    private static JobExecutionContext context(boolean recovering, Instant originalFire) {
        JobDetail job = JobBuilder.newJob(AuditJob.class).withIdentity("site", JobGroups.AUDIT).build();
        TriggerBuilder<?> trigger = TriggerBuilder.newTrigger().withIdentity("t", "RECOVERING_JOBS").forJob(job);
        if (recovering) {
            trigger = trigger.usingJobData(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_FIRETIME_IN_MILLISECONDS,
                    Long.toString(originalFire.toEpochMilli()));
        }
        Date now = Date.from(originalFire.plusSeconds(60));
        return new JobExecutionContextImpl(null, new TriggerFiredBundle(job, (OperableTrigger) trigger.build(), null,
                recovering, now, now, null, null), null);
    }
}
