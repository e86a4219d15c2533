package cn.xunjian.schedule;

import static cn.xunjian.schedule.ServeProcesses.count;
import static cn.xunjian.schedule.ServeProcesses.string;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.evidence.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} as a child process, killed with SIGKILL in the middle of an audit, then restarted. */
class ServeCrashIT {
    @TempDir
    Path dir;
    private ServeProcesses serve;

    @BeforeEach
    void site() throws Exception {
        serve = new ServeProcesses();
        serve.homeDelay(6000);
    }

    @AfterEach
    void stop() throws InterruptedException {
        serve.close();
    }

    @Test
    void afterSigkillMidAuditTheScheduleResumesNoRunIsHalfWrittenAndEvidenceMatchesTheDatabase() throws Exception {
        serve.writeSiteFile(dir);
        Path file = dir.resolve("schedule.json");
        Files.writeString(file, """
                { "sites": ["site.json"],
                  "probes": { "everySeconds": 2, "browserPerDay": 0, "timeoutSeconds": 15 },
                  "audit": { "cron": "0/5 * * * * ?" },
                  "circular": { "cron": "0 0 2 1 1 ? 2099" },
                  "followUp": { "cron": "0 0 2 1 1 ? 2099" },
                  "outputDir": "out", "threads": 4, "auditsAtOnce": 1, "loopbackOnly": true,
                  "console": { "listen": "127.0.0.1:0" } }
                """, StandardCharsets.UTF_8);
        String url = new ScheduleLoader(dir.resolve("x")).load(file).database().url();

        Process first = serve.serve(file, dir.resolve("serve-first.log"));
        waitForStart("first");
        serve.waitFor(() -> count(url, "SELECT COUNT(*) FROM XJ_RUNS WHERE STATUS = 'running'") == 1
                && count(url, "SELECT COUNT(*) FROM XJ_PROBES") >= 1, Duration.ofSeconds(90));
        Thread.sleep(3000);
        String killed = string(url, "SELECT ID FROM XJ_RUNS WHERE STATUS = 'running'");
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // the test touches the database only while a serve process holds it (H2 AUTO_SERVER), never in between
        serve.homeDelay(0);
        String restartedAt = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSxxx", java.util.Locale.ROOT));
        serve.serve(file, dir.resolve("serve-second.log"));
        waitForStart("second");
        serve.waitFor(() -> count(url, "SELECT COUNT(*) FROM XJ_PROBES WHERE PROBED_AT > TIMESTAMP WITH TIME ZONE '"
                + restartedAt + "'") >= 2
                && count(url, "SELECT COUNT(*) FROM XJ_RUNS WHERE STATUS = 'completed'") >= 1, Duration.ofSeconds(120));

        assertThat(string(url, "SELECT STATUS FROM XJ_RUNS WHERE ID = '" + killed + "'")).isEqualTo("interrupted");
        assertThat(Files.exists(dir.resolve("out/runs").resolve(killed))).isFalse();
        assertThat(count(url, "SELECT COUNT(*) FROM XJ_FINDINGS F JOIN XJ_RUNS R ON R.ID = F.RUN_ID "
                + "WHERE R.STATUS <> 'completed'")).isZero();
        assertThat(count(url, "SELECT COUNT(*) FROM XJ_EVIDENCE E JOIN XJ_RUNS R ON R.ID = E.RUN_ID "
                + "WHERE R.STATUS <> 'completed'")).isZero();
        assertThat(count(url, "SELECT COUNT(*) FROM XJ_RUNS WHERE STATUS NOT IN ('completed', 'interrupted', 'running')"))
                .isZero();
        assertEvidenceMatches(url);
    }

    private void assertEvidenceMatches(String url) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT R.RUN_DIR, E.PATH, E.SHA256 FROM XJ_EVIDENCE E "
                     + "JOIN XJ_RUNS R ON R.ID = E.RUN_ID WHERE R.STATUS = 'completed'")) {
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        assertThat(rows).isNotEmpty();
        for (String[] r : rows) {
            Path f = Path.of(r[0]).resolve(r[1]);
            assertThat(f).exists();
            assertThat(Sha256.of(f)).isEqualTo(r[2]);
        }
        try (Stream<Path> dirs = Files.list(dir.resolve("out/runs"))) {
            for (Path d : dirs.toList()) {
                String status = string(url, "SELECT STATUS FROM XJ_RUNS WHERE ID = '" + d.getFileName() + "'");
                assertThat(status).as("run dir %s", d.getFileName()).isIn("completed", "running");
            }
        }
    }

    private void waitForStart(String name) throws Exception {
        Path log = dir.resolve("serve-" + name + ".log");
        serve.waitFor(() -> ServeProcesses.logText(log).contains("巡检服务已启动"), Duration.ofSeconds(60));
    }
}
