package cn.xunjian.schedule;

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
import java.util.function.BooleanSupplier;

/**
 * What the tests of {@code serve} as a child process share: a site whose home page can be made slow, starting
 * {@code serve} with its output in a log, reading the daemon's H2 database, and waiting with the logs printed when
 * the wait fails. Closing it kills every child still running and stops the site.
 */
final class ServeProcesses implements AutoCloseable {
    static final String HOME = """
            <html><head><meta charset="utf-8"><title>临江市人民政府</title></head><body>
            <h1>临江市人民政府</h1><p>政务公开 政务服务 互动交流</p>
            <div class="footer">主办：临江市人民政府办公室</div></body></html>""";

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Process> children = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    /** How long the home page takes to answer. */
    private volatile long homeDelayMillis;

    ServeProcesses() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
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

    void homeDelay(long millis) {
        homeDelayMillis = millis;
    }

    String siteUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Writes {@code site.json} for the site into {@code dir}. */
    void writeSiteFile(Path dir) throws IOException {
        Files.writeString(dir.resolve("site.json"), "{ \"name\": \"临江市人民政府\", \"url\": \"" + siteUrl() + "\" }",
                StandardCharsets.UTF_8);
    }

    /** Starts {@code serve [options] schedule} as a child JVM on the test class path, its output in {@code log}. */
    Process serve(Path schedule, Path log, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), "cn.xunjian.cli.Main", "serve"));
        command.addAll(List.of(options));
        command.add(schedule.toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Process p = pb.start();
        children.add(p);
        logs.add(log);
        return p;
    }

    static String logText(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits for {@code done}; when it does not come, prints every serve log before failing. */
    void waitFor(BooleanSupplier done, Duration max) throws Exception {
        try {
            ClusterIT.waitFor(done, max);
        } catch (AssertionError e) {
            for (Path log : logs) {
                System.err.println("---- " + log + "\n" + logText(log));
            }
            throw e;
        }
    }

    /** The first column of the first row as a number; -1 while the database cannot be read. */
    static long count(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return -1;
        }
    }

    static String string(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(20, TimeUnit.SECONDS);
        }
        server.stop(0);
        pool.shutdownNow();
    }
}
