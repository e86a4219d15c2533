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
 * {@code serve} as a child process gets SIGTERM in the middle of an audit: the run either completes within
 * {@code --shutdown-wait} or ends up interrupted with its evidence removed — never left {@code running}.
 */
class GracefulShutdownIT {
    /** Exit status of a JVM that ended on SIGTERM after running its shutdown hooks (128 + 15). */
    private static final int SIGTERM_EXIT = 143;
    @TempDir
    Path dir;
    private ServeProcesses serve;

    @BeforeEach
    void slowSite() throws Exception {
        serve = new ServeProcesses();
    }

    @AfterEach
    void stop() throws InterruptedException {
        serve.close();
    }

    @Test
    void sigtermDuringAnAuditThatCannotFinishInTheShutdownWaitLeavesTheRunInterruptedWithItsEvidenceRemoved()
            throws Exception {
        serve.homeDelay(60_000);
        Running run = startAuditing(2);

        String text = terminate(run);
        assertThat(text).contains("serve stopping: waiting up to PT2S").contains("serve stopped")
                .contains("run " + run.id() + " of").contains("did not finish before shutdown; marked interrupted");
        // the process is gone: the test may now open the database file itself
        assertThat(string(run.db(), "SELECT STATUS FROM XJ_RUNS WHERE ID = '" + run.id() + "'")).isEqualTo("interrupted");
        assertThat(count(run.db(), "SELECT COUNT(*) FROM XJ_RUNS WHERE STATUS = 'running'")).isZero();
        assertThat(count(run.db(), "SELECT COUNT(*) FROM XJ_FINDINGS WHERE RUN_ID = '" + run.id() + "'")).isZero();
        assertThat(count(run.db(), "SELECT COUNT(*) FROM XJ_EVIDENCE WHERE RUN_ID = '" + run.id() + "'")).isZero();
        assertThat(run.dir()).doesNotExist();
    }

    @Test
    void sigtermDuringAnAuditThatFinishesWithinTheShutdownWaitLetsItCompleteBeforeTheDaemonStops() throws Exception {
        serve.homeDelay(0);
        Running run = startAuditing(60);

        String text = terminate(run);
        assertThat(text).contains("serve stopping: waiting up to PT1M").contains("serve stopped")
                .doesNotContain("did not finish before shutdown");
        // the signal came while the audit ran, and the daemon waited for it before stopping
        int completed = text.indexOf("audit " + run.id() + " of " + run.site() + " completed");
        assertThat(completed).as(text).isGreaterThan(text.indexOf("serve stopping"));
        assertThat(completed).isLessThan(text.indexOf("serve stopped"));
        assertThat(string(run.db(), "SELECT STATUS FROM XJ_RUNS WHERE ID = '" + run.id() + "'")).isEqualTo("completed");
        assertThat(count(run.db(), "SELECT COUNT(*) FROM XJ_RUNS WHERE STATUS = 'running'")).isZero();
        assertThat(count(run.db(), "SELECT COUNT(*) FROM XJ_EVIDENCE WHERE RUN_ID = '" + run.id() + "'")).isPositive();
        assertThat(run.dir().resolve("report.json")).exists();
    }

    /** A serve process, its log and database, and the audit run it has begun. */
    private record Running(Process serve, Path log, String db, String id, Path dir, String site) {
    }

    /** Starts serve with the given shutdown wait and returns once an audit has begun writing its run directory. */
    private Running startAuditing(int shutdownWaitSeconds) throws Exception {
        serve.writeSiteFile(dir);
        Path file = dir.resolve("schedule.json");
        Files.writeString(file, """
                { "sites": ["site.json"],
                  "probes": { "everySeconds": 3600, "browserPerDay": 0, "timeoutSeconds": 15 },
                  "audit": { "cron": "0/3 * * * * ?" },
                  "circular": { "cron": "0 0 2 1 1 ? 2099" },
                  "followUp": { "cron": "0 0 2 1 1 ? 2099" },
                  "retention": { "days": 90, "cron": "0 0 2 1 1 ? 2099" },
                  "outputDir": "out", "threads": 2, "auditsAtOnce": 1, "loopbackOnly": true,
                  "console": { "listen": "127.0.0.1:0" } }
                """, StandardCharsets.UTF_8);
        String url = new ScheduleLoader(dir.resolve("x")).load(file).database().url();
        Path log = dir.resolve("serve.log");

        Process process = serve.serve(file, log, "--shutdown-wait", Integer.toString(shutdownWaitSeconds));
        serve.waitFor(() -> logText(log).contains("巡检服务已启动"), Duration.ofSeconds(60));
        serve.waitFor(() -> count(url, "SELECT COUNT(*) FROM XJ_RUNS WHERE STATUS = 'running'") == 1,
                Duration.ofSeconds(60));
        String runId = string(url, "SELECT ID FROM XJ_RUNS WHERE STATUS = 'running'");
        Path runDir = Path.of(string(url, "SELECT RUN_DIR FROM XJ_RUNS WHERE ID = '" + runId + "'"));
        serve.waitFor(() -> Files.isDirectory(runDir), Duration.ofSeconds(30));
        return new Running(process, log, url, runId, runDir, serve.siteUrl());
    }

    /** Sends SIGTERM, checks the process ends as a JVM ends on SIGTERM, and returns its log. */
    private static String terminate(Running run) throws InterruptedException {
        run.serve().destroy();
        assertThat(run.serve().waitFor(90, TimeUnit.SECONDS)).as("serve exits after SIGTERM").isTrue();
        assertThat(run.serve().exitValue()).isEqualTo(SIGTERM_EXIT);
        return logText(run.log());
    }
}
