package cn.xunjian.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    private static final String HOME = """
            <html><head><meta charset="utf-8"><title>临江市人民政府</title></head><body>
            <h1>临江市人民政府</h1><p>政务公开 政务服务 互动交流</p>
            <div class="footer">主办：临江市人民政府办公室</div></body></html>""";
    /** Exit status of a JVM that ended on SIGTERM after running its shutdown hooks (128 + 15). */
    private static final int SIGTERM_EXIT = 143;
    @TempDir
    Path dir;
    private HttpServer server;
    private ExecutorService pool;
    private final List<Process> children = new ArrayList<>();
    /** How long the home page takes to answer. */
    private volatile long homeDelayMillis;

    @BeforeEach
    void slowSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        pool = Executors.newCachedThreadPool();
        server.setExecutor(pool);
        server.createContext("/", exchange -> {
            try {
                boolean home = exchange.getRequestURI().getPath().equals("/");
                if (home) {
                    Thread.sleep(homeDelayMillis);
                }
                byte[] body = (home ? HOME : "not found").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(home ? 200 : 404, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the daemon went away
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(20, TimeUnit.SECONDS);
        }
        server.stop(0);
        pool.shutdownNow();
    }

    @Test
    void sigtermDuringAnAuditThatCannotFinishInTheShutdownWaitLeavesTheRunInterruptedWithItsEvidenceRemoved()
            throws Exception {
        homeDelayMillis = 60_000;
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
        homeDelayMillis = 0;
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
        Files.writeString(dir.resolve("site.json"), "{ \"name\": \"临江市人民政府\", \"url\": \"http://127.0.0.1:"
                + server.getAddress().getPort() + "/\" }", StandardCharsets.UTF_8);
        Path file = dir.resolve("schedule.json");
        Files.writeString(file, """
                { "sites": ["site.json"],
                  "probes": { "everySeconds": 3600, "browserPerDay": 0, "timeoutSeconds": 15 },
                  "audit": { "cron": "0/3 * * * * ?" },
                  "circular": { "cron": "0 0 2 1 1 ? 2099" },
                  "followUp": { "cron": "0 0 2 1 1 ? 2099" },
                  "retention": { "days": 90, "cron": "0 0 2 1 1 ? 2099" },
                  "outputDir": "out", "threads": 2, "auditsAtOnce": 1, "loopbackOnly": true }
                """, StandardCharsets.UTF_8);
        String url = new ScheduleLoader(dir.resolve("x")).load(file).database().url();
        Path log = dir.resolve("serve.log");

        Process serve = serve(file, log, shutdownWaitSeconds);
        waitFor(log, () -> logText(log).contains("巡检服务已启动"), Duration.ofSeconds(60));
        waitFor(log, () -> count(url, "SELECT COUNT(*) FROM XJ_RUNS WHERE STATUS = 'running'") == 1,
                Duration.ofSeconds(60));
        String runId = string(url, "SELECT ID FROM XJ_RUNS WHERE STATUS = 'running'");
        Path runDir = Path.of(string(url, "SELECT RUN_DIR FROM XJ_RUNS WHERE ID = '" + runId + "'"));
        waitFor(log, () -> Files.isDirectory(runDir), Duration.ofSeconds(30));
        return new Running(serve, log, url, runId, runDir, "http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Sends SIGTERM, checks the process ends as a JVM ends on SIGTERM, and returns its log. */
    private static String terminate(Running run) throws InterruptedException {
        run.serve().destroy();
        assertThat(run.serve().waitFor(90, TimeUnit.SECONDS)).as("serve exits after SIGTERM").isTrue();
        assertThat(run.serve().exitValue()).isEqualTo(SIGTERM_EXIT);
        return logText(run.log());
    }

    private Process serve(Path schedule, Path log, int shutdownWaitSeconds) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the daemon logs its stop at info level; the default level of the packaged logger is warn
        ProcessBuilder pb = new ProcessBuilder(java, "-Dfile.encoding=UTF-8",
                "-Dorg.slf4j.simpleLogger.log.cn.xunjian.schedule=info",
                "-cp", System.getProperty("java.class.path"),
                "cn.xunjian.cli.Main", "serve", "--shutdown-wait", Integer.toString(shutdownWaitSeconds), schedule.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Process p = pb.start();
        children.add(p);
        return p;
    }

    private static String logText(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static long count(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return -1;
        }
    }

    private static String string(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void waitFor(Path log, java.util.function.BooleanSupplier done, Duration max) throws Exception {
        try {
            ClusterIT.waitFor(done, max);
        } catch (AssertionError e) {
            System.err.println("---- " + log + "\n" + logText(log));
            throw e;
        }
    }
}
