package cn.xunjian.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.store.jdbc.Database;
import cn.xunjian.store.jdbc.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/** Two scheduler nodes in one JVM share a real PostgreSQL: each job runs once, and a dead node's job is recovered. */
class ClusterIT {
    private static final String NAME = "xunjian-cluster-test";
    private static EmbeddedPostgres pg;
    private static Database db;
    /** Jobs on the node that will "die" wait here, so it dies mid-job. */
    static final CountDownLatch NEVER = new CountDownLatch(1);
    static final CountDownLatch VICTIM_STARTED = new CountDownLatch(1);

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        db = Database.open(pg.getJdbcUrl("postgres", "postgres"), "postgres", "", 12);
        new Migrations(db.dataSource(), db.dialect()).migrate();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE TEST_RUNS (JOB_KEY VARCHAR(100) NOT NULL, NODE VARCHAR(100) NOT NULL, "
                    + "RECOVERING BOOLEAN NOT NULL)");
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        NEVER.countDown();
        if (db != null) {
            db.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void twoNodesShareTheJobsRunEachOnceAndTheSurvivorRecoversTheDeadNodesJob() throws Exception {
        Scheduler a = node("node-a");
        Scheduler b = node("node-b");
        a.start();
        b.start();
        int n = 40;
        for (int i = 0; i < n; i++) {
            JobDetail job = JobBuilder.newJob(RecordingJob.class).withIdentity("once-" + i, "test").build();
            Trigger t = TriggerBuilder.newTrigger().withIdentity("once-" + i, "test").startNow()
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build();
            (i % 2 == 0 ? a : b).scheduleJob(job, t);
        }
        waitFor(() -> count("SELECT COUNT(*) FROM TEST_RUNS WHERE JOB_KEY LIKE 'once-%'") >= n, Duration.ofSeconds(60));
        Thread.sleep(1500);

        Map<String, Long> runsPerJob = grouped("SELECT JOB_KEY, COUNT(*) FROM TEST_RUNS WHERE JOB_KEY LIKE 'once-%' "
                + "GROUP BY JOB_KEY");
        assertThat(runsPerJob).hasSize(n);
        assertThat(runsPerJob.values()).allMatch(c -> c == 1L);
        Map<String, Long> perNode = grouped("SELECT NODE, COUNT(*) FROM TEST_RUNS WHERE JOB_KEY LIKE 'once-%' GROUP BY NODE");
        System.err.println("ClusterIT: one-shot jobs per node " + perNode);

        // a long job that asks for recovery starts on node a only (b is paused meanwhile), then a dies hard
        b.standby();
        JobDetail victim = JobBuilder.newJob(RecordingJob.class).withIdentity("victim", "test").requestRecovery(true).build();
        a.scheduleJob(victim, TriggerBuilder.newTrigger().withIdentity("victim", "test").startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build());
        assertThat(VICTIM_STARTED.await(30, TimeUnit.SECONDS)).isTrue();
        a.shutdown(false);
        b.start();

        waitFor(() -> count("SELECT COUNT(*) FROM TEST_RUNS WHERE JOB_KEY = 'victim' AND NODE = 'node-b'") >= 1,
                Duration.ofSeconds(60));
        assertThat(count("SELECT COUNT(*) FROM TEST_RUNS WHERE JOB_KEY = 'victim' AND NODE = 'node-a' AND NOT RECOVERING"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM TEST_RUNS WHERE JOB_KEY = 'victim' AND NODE = 'node-b' AND RECOVERING"))
                .isEqualTo(1);
        b.shutdown(true);
    }

    private static Scheduler node(String id) throws SchedulerException {
        Scheduler s = QuartzSchedulers.create(db, new QuartzSchedulers.Spec(NAME, id, true, Duration.ofMillis(1000), 4,
                Duration.ofMinutes(1)));
        s.getContext().put("dataSource", db.dataSource());
        return s;
    }

    /** Records that it ran, on which node and whether as a recovery; the victim then hangs on its first node. */
    public static final class RecordingJob implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            try {
                DataSource ds = (DataSource) context.getScheduler().getContext().get("dataSource");
                String node = context.getScheduler().getSchedulerInstanceId();
                try (Connection c = ds.getConnection();
                     PreparedStatement p = c.prepareStatement("INSERT INTO TEST_RUNS VALUES (?, ?, ?)")) {
                    p.setString(1, context.getJobDetail().getKey().getName());
                    p.setString(2, node);
                    p.setBoolean(3, context.isRecovering());
                    p.executeUpdate();
                }
                if (context.getJobDetail().getKey().getName().equals("victim") && !context.isRecovering()) {
                    VICTIM_STARTED.countDown();
                    NEVER.await();
                } else {
                    Thread.sleep(50);
                }
            } catch (SchedulerException | SQLException e) {
                throw new JobExecutionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long count(String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> grouped(String sql) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    static void waitFor(java.util.function.BooleanSupplier done, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + max);
            }
            Thread.sleep(200);
        }
    }
}
