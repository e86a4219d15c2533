package cn.xunjian.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.evidence.Sha256;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} as a child process, killed with SIGKILL in the middle of an audit, then restarted. */
class ServeCrashIT {
    private static final String HOME = """
            <html><head><meta charset="utf-8"><title>临江市人民政府</title></head><body>
            <h1>临江市人民政府</h1><p>政务公开 政务服务 互动交流</p>
            <div class="footer">主办：临江市人民政府办公室</div></body></html>""";
    @TempDir
    Path dir;
    private HttpServer server;
    private ExecutorService pool;
    private volatile boolean slow = true;
    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void site() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        pool = Executors.newCachedThreadPool();
        server.setExecutor(pool);
        server.createContext("/", exchange -> {
            try {
                if (slow && exchange.getRequestURI().getPath().equals("/")) {
                    Thread.sleep(6000);
                }
                boolean home = exchange.getRequestURI().getPath().equals("/");
                byte[] body = (home ? HOME : "not found").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(home ? 200 : 404, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // client went away (the daemon was killed)
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
    void afterSigkillMidAuditTheScheduleResumesNoRunIsHalfWrittenAndEvidenceMatchesTheDatabase() throws Exception {
        Files.writeString(dir.resolve("site.json"), "{ \"name\": \"临江市人民政府\", \"url\": \"http://127.0.0.1:"
                + server.getAddress().getPort() + "/\" }", StandardCharsets.UTF_8);
        Path file = dir.resolve("schedule.json");
        Files.writeString(file, """
                { "sites": ["site.json"],
                  "probes": { "everySeconds": 2, "browserPerDay": 0, "timeoutSeconds": 15 },
                  "audit": { "cron": "0/5 * * * * ?" },
                  "circular": { "cron": "0 0 2 1 1 ? 2099" },
                  "followUp": { "cron": "0 0 2 1 1 ? 2099" },
                  "outputDir": "out", "threads": 4, "auditsAtOnce": 1, "loopbackOnly": true }
                """, StandardCharsets.UTF_8);
        String url = new ScheduleLoader(dir.resolve("x")).load(file).database().url();

        Process first = serve(file, "first");
        waitForStart("first");
        waitFor(() -> count(url, "SELECT COUNT(*) FROM XJ_RUNS WHERE STATUS = 'running'") == 1
                && count(url, "SELECT COUNT(*) FROM XJ_PROBES") >= 1, Duration.ofSeconds(90));
        Thread.sleep(3000);
        String killed = string(url, "SELECT ID FROM XJ_RUNS WHERE STATUS = 'running'");
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // the test touches the database only while a serve process holds it (H2 AUTO_SERVER), never in between
        slow = false;
        String restartedAt = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSxxx", java.util.Locale.ROOT));
        serve(file, "second");
        waitForStart("second");
        waitFor(() -> count(url, "SELECT COUNT(*) FROM XJ_PROBES WHERE PROBED_AT > TIMESTAMP WITH TIME ZONE '"
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

    private Process serve(Path schedule, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                "cn.xunjian.cli.Main", "serve", schedule.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("serve-" + name + ".log").toFile());
        pb.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Process p = pb.start();
        children.add(p);
        return p;
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

    private void waitForStart(String name) throws Exception {
        Path log = dir.resolve("serve-" + name + ".log");
        waitFor(() -> {
            try {
                return Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("巡检服务已启动");
            } catch (IOException e) {
                return false;
            }
        }, Duration.ofSeconds(60));
    }

    private void waitFor(java.util.function.BooleanSupplier done, Duration max) throws Exception {
        try {
            ClusterIT.waitFor(done, max);
        } catch (AssertionError e) {
            for (Path log : Files.newDirectoryStream(dir, "serve-*.log")) {
                System.err.println("---- " + log + "\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            throw e;
        }
    }
}
