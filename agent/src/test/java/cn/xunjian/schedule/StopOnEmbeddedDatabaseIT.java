package cn.xunjian.schedule;

import static cn.xunjian.schedule.ServeProcesses.count;
import static cn.xunjian.schedule.ServeProcesses.logText;
import static cn.xunjian.schedule.ServeProcesses.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} on its default embedded H2 store, as a child process, gets SIGTERM: idle and in the middle of an
 * audit. The daemon, not H2's own exit hook, closes the database, so the stop runs to its end without a stack trace
 * and what it records reaches the database: Quartz's acquired triggers released, the unfinished run interrupted.
 */
class StopOnEmbeddedDatabaseIT {
    /** Exit status of a JVM that ended on SIGTERM after running its shutdown hooks (128 + 15). */
    private static final int SIGTERM_EXIT = 143;
    private static final String NEVER = "0 0 2 1 1 ? 2099";
    @TempDir
    Path dir;
    private ServeProcesses serve;

    @BeforeEach
    void site() throws Exception {
        serve = new ServeProcesses();
    }

    @AfterEach
    void stop() throws InterruptedException {
        serve.close();
    }

    @Test
    void sigtermOnAnIdleServeStopsWithoutAStackTraceAndLeavesEveryTriggerWaitingWithNoneAcquired() throws Exception {
        serve.homeDelay(0);
        String db = schedule("{ \"everySeconds\": 1, \"browserPerDay\": 0, \"timeoutSeconds\": 5 }", NEVER);
        Path log = dir.resolve("serve.log");
        Process process = serve.serve(dir.resolve("schedule.json"), log);
        serve.waitFor(() -> logText(log).contains("巡检服务已启动"), Duration.ofSeconds(60));
        // probes every second keep the light scheduler acquiring triggers, so the signal finds one acquired
        serve.waitFor(() -> count(db, "SELECT COUNT(*) FROM XJ_PROBES") >= 3, Duration.ofSeconds(60));

        String text = terminate(process, log);

        assertThat(text).contains("serve stopping: waiting up to PT1M").contains("serve stopped")
                .contains("巡检服务已停止。");
        assertNoStackTrace(text);
        // the process is gone: the test may now open the database file itself
        assertThat(count(db, "SELECT COUNT(*) FROM QRTZ_TRIGGERS")).isEqualTo(5);
        assertThat(count(db, "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_STATE <> 'WAITING'"))
                .as("triggers acquired or running when the signal came are released").isZero();
        assertThat(count(db, "SELECT COUNT(*) FROM QRTZ_FIRED_TRIGGERS")).isZero();
        assertThat(count(db, "SELECT COUNT(*) FROM XJ_RUNS")).isZero();
        assertThat(dir.resolve("out/xunjian-db.trace.db")).as("H2 logged no error").doesNotExist();
    }

    @Test
    void sigtermOnAServeInTheMiddleOfAnAuditStopsWithoutAStackTraceAndLeavesTheRunInterruptedWithItsEvidenceRemoved()
            throws Exception {
        serve.homeDelay(60_000);
        String db = schedule("{ \"everySeconds\": 3600, \"browserPerDay\": 0, \"timeoutSeconds\": 15 }", "0/3 * * * * ?");
        Path log = dir.resolve("serve.log");
        Process process = serve.serve(dir.resolve("schedule.json"), log, "--shutdown-wait", "2");
        serve.waitFor(() -> logText(log).contains("巡检服务已启动"), Duration.ofSeconds(60));
        serve.waitFor(() -> count(db, "SELECT COUNT(*) FROM XJ_RUNS WHERE STATUS = 'running'") == 1,
                Duration.ofSeconds(60));
        String runId = string(db, "SELECT ID FROM XJ_RUNS WHERE STATUS = 'running'");
        Path runDir = Path.of(string(db, "SELECT RUN_DIR FROM XJ_RUNS WHERE ID = '" + runId + "'"));
        serve.waitFor(() -> Files.isDirectory(runDir), Duration.ofSeconds(30));

        String text = terminate(process, log);

        assertThat(text).contains("serve stopping: waiting up to PT2S").contains("serve stopped")
                .contains("run " + runId + " of").contains("did not finish before shutdown; marked interrupted")
                .contains("巡检服务已停止。");
        assertNoStackTrace(text);
        assertThat(string(db, "SELECT STATUS FROM XJ_RUNS WHERE ID = '" + runId + "'")).isEqualTo("interrupted");
        assertThat(string(db, "SELECT DETAIL FROM XJ_RUNS WHERE ID = '" + runId + "'"))
                .isEqualTo("巡检服务停止时未完成，本次结果作废");
        assertThat(count(db, "SELECT COUNT(*) FROM XJ_RUNS WHERE STATUS = 'running'")).isZero();
        assertThat(count(db, "SELECT COUNT(*) FROM XJ_FINDINGS WHERE RUN_ID = '" + runId + "'")).isZero();
        assertThat(count(db, "SELECT COUNT(*) FROM XJ_EVIDENCE WHERE RUN_ID = '" + runId + "'")).isZero();
        assertThat(runDir).doesNotExist();
        assertThat(dir.resolve("out/xunjian-db.trace.db")).as("H2 logged no error").doesNotExist();
    }

    /** Writes the site and schedule files (crons other than the audit's never fire); returns the database URL. */
    private String schedule(String probes, String auditCron) throws Exception {
        serve.writeSiteFile(dir);
        Path file = dir.resolve("schedule.json");
        Files.writeString(file, """
                { "sites": ["site.json"],
                  "probes": %s,
                  "audit": { "cron": "%s" },
                  "circular": { "cron": "%s" },
                  "followUp": { "cron": "%s" },
                  "retention": { "days": 90, "cron": "%s" },
                  "outputDir": "out", "threads": 2, "auditsAtOnce": 1, "loopbackOnly": true,
                  "console": { "listen": "127.0.0.1:0" } }
                """.formatted(probes, auditCron, NEVER, NEVER, NEVER), StandardCharsets.UTF_8);
        return new ScheduleLoader(dir.resolve("x")).load(file).database().url();
    }

    /** Sends SIGTERM, checks the process ends as a JVM ends on SIGTERM, and returns its output. */
    private static String terminate(Process process, Path log) throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("serve exits after SIGTERM").isTrue();
        assertThat(process.exitValue()).isEqualTo(SIGTERM_EXIT);
        return logText(log);
    }

    private static void assertNoStackTrace(String output) {
        assertThat(output).as("serve's output").doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain(" ERROR ");
    }
}
