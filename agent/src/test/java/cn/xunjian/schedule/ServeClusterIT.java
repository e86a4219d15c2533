package cn.xunjian.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.evidence.Sha256;
import cn.xunjian.site.SiteFileLoader;
import cn.xunjian.testing.FixtureServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code serve} processes (nodes {@code node-a} and {@code node-b}, each with its own output folder as on
 * two machines) share one embedded PostgreSQL and a night of six fixture sites: the sites' audit triggers (cron of
 * 2099) are moved to fire in a few seconds, once, through Quartz's ordinary acquisition on both nodes. One
 * site answers slowly; the node auditing it is killed with SIGKILL once it has completed another site. Each site
 * must end with exactly one completed run, both nodes must have completed runs, the killed node's half-written runs
 * must be interrupted with their evidence gone, and the survivor must have audited those sites to completion as
 * Quartz recoveries.
 */
class ServeClusterIT {
    private static final String[] NAMES = {"清河镇人民政府", "白沙乡人民政府", "临江市人民政府", "东港区人民政府",
        "南湖街道办事处", "西山县人民政府"};
    private static final int SLOW = 2;
    /** A crawl page of the slow site answers after this long (under the 15 s time-out), until the kill. */
    private static final long SLOW_MILLIS = 9000;

    @TempDir
    Path dir;
    private EmbeddedPostgres pg;
    private ServeProcesses serve;
    private final List<FixtureServer> sites = new ArrayList<>();
    private volatile long slowDelay = SLOW_MILLIS;

    @BeforeEach
    void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        serve = new ServeProcesses();
        for (int i = 0; i < NAMES.length; i++) {
            FixtureServer site = new FixtureServer();
            if (i == SLOW) {
                for (String page : List.of("/clean/index.html", "/clean/news.html", "/clean/news-1120.html")) {
                    byte[] body = resource("/sites" + page);
                    site.route(page, ex -> {
                        try {
                            Thread.sleep(slowDelay);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        FixtureServer.send(ex, 200, "text/html; charset=utf-8", body);
                    });
                }
            }
            sites.add(site);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (serve != null) {
            serve.close();
        }
        sites.forEach(FixtureServer::close);
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void twoNodesShareTheNightEachSiteOnceAndTheSurvivorFinishesTheKilledNodesSites() throws Exception {
        List<String> urls = new ArrayList<>();
        List<String> siteFiles = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            String url = sites.get(i).url("/clean/index.html");
            urls.add(url);
            Files.writeString(dir.resolve("site-" + i + ".json"), "{ \"name\": \"" + NAMES[i] + "\", \"url\": \"" + url
                    + "\" }", StandardCharsets.UTF_8);
            siteFiles.add("\"site-" + i + ".json\"");
        }
        String slowUrl = urls.get(SLOW);
        String cron = "0 0 2 1 1 ? 2099"; // the night comes when the test moves it (below)
        Map<String, Path> files = new LinkedHashMap<>();
        for (String node : List.of("node-a", "node-b")) {
            Path file = dir.resolve("schedule-" + node + ".json");
            Files.writeString(file, """
                    { "sites": [%s],
                      "probes": { "everySeconds": 3600, "browserPerDay": 0, "timeoutSeconds": 15 },
                      "audit": { "cron": "%s" },
                      "circular": { "cron": "0 0 2 1 1 ? 2099" },
                      "followUp": { "cron": "0 0 2 1 1 ? 2099" },
                      "database": { "url": "%s", "user": "postgres", "password": "" },
                      "cluster": { "instanceId": "%s", "checkinIntervalMillis": 2000 },
                      "outputDir": "out-%s", "threads": 2, "auditsAtOnce": 2, "loopbackOnly": true,
                      "console": { "listen": "127.0.0.1:0" } }
                    """.formatted(String.join(", ", siteFiles), cron, pg.getJdbcUrl("postgres", "postgres"), node,
                    node), StandardCharsets.UTF_8);
            files.put(node, file);
        }
        Map<String, Process> nodes = new LinkedHashMap<>();
        for (String node : files.keySet()) {
            nodes.put(node, serve.serve(files.get(node), log(node)));
        }
        for (String node : files.keySet()) {
            serve.waitFor(() -> ServeProcesses.logText(log(node)).contains("巡检服务已启动"), Duration.ofSeconds(180));
        }

        // the night comes: the audit triggers are due in 35 s, more than Quartz's 30 s idle wait, so both nodes have
        // looked at the table before they fire; each takes as many audits as it has threads, two and two
        try (Connection c = db().getConnection(); PreparedStatement p = c.prepareStatement("UPDATE QRTZ_TRIGGERS "
                + "SET NEXT_FIRE_TIME = ? WHERE SCHED_NAME = ? AND TRIGGER_GROUP = ? AND TRIGGER_STATE = 'WAITING'")) {
            p.setLong(1, System.currentTimeMillis() + 35_000);
            p.setString(2, Daemon.HEAVY);
            p.setString(3, JobGroups.AUDIT);
            assertThat(p.executeUpdate()).as("audit triggers moved to tonight").isEqualTo(NAMES.length);
        }
        serve.waitFor(() -> count("SELECT COUNT(*) FROM XJ_RUNS") >= 4, Duration.ofSeconds(180));
        List<String> firstNodes = strings("SELECT NODE FROM XJ_RUNS ORDER BY STARTED_AT, ID LIMIT 4");
        assertThat(firstNodes).as("nodes of the first four audits").containsOnly("node-a", "node-b")
                .filteredOn("node-a"::equals).hasSize(2);
        assertThat(status(files.get("node-a"))).as("two sites wait for a free thread")
                .contains("本轮待巡检（已到时间，等待空闲的节点）：2 站：");

        serve.waitFor(() -> count("SELECT COUNT(*) FROM XJ_RUNS WHERE STATUS = 'running' AND SITE_URL = '"
                + slowUrl + "'") == 1, Duration.ofSeconds(240));
        String victim = strings("SELECT NODE FROM XJ_RUNS WHERE STATUS = 'running' AND SITE_URL = '" + slowUrl + "'")
                .get(0);
        String survivor = victim.equals("node-a") ? "node-b" : "node-a";
        serve.waitFor(() -> count("SELECT COUNT(*) FROM XJ_RUNS WHERE STATUS = 'completed' AND NODE = '" + victim + "'")
                >= 1, Duration.ofSeconds(240));
        assertThat(count("SELECT COUNT(*) FROM XJ_RUNS WHERE STATUS = 'running' AND SITE_URL = '" + slowUrl + "'"))
                .as("the slow site is still being audited by %s", victim).isEqualTo(1);

        String status = status(files.get(victim));
        String victimLine = status.lines().filter(l -> l.startsWith("  " + victim + " ")).findFirst().orElse("");
        assertThat(victimLine).contains("在线").contains("正在巡检").contains(NAMES[SLOW]);
        assertThat(status).contains("本轮待巡检（已到时间，等待空闲的节点）：");

        List<String> killed = strings("SELECT ID FROM XJ_RUNS WHERE STATUS = 'running' AND NODE = '" + victim + "'");
        List<String> killedDirs = strings("SELECT RUN_DIR FROM XJ_RUNS WHERE STATUS = 'running' AND NODE = '" + victim
                + "'");
        String slowDir = strings("SELECT RUN_DIR FROM XJ_RUNS WHERE STATUS = 'running' AND SITE_URL = '" + slowUrl + "'")
                .get(0);
        assertThat(Path.of(slowDir)).as("the half-written evidence of the slow site").isDirectory();
        nodes.get(victim).destroyForcibly();
        assertThat(nodes.get(victim).waitFor(30, TimeUnit.SECONDS)).isTrue();
        slowDelay = 0;

        serve.waitFor(() -> count("SELECT COUNT(DISTINCT SITE_URL) FROM XJ_RUNS WHERE STATUS = 'completed'") == NAMES.length
                && count("SELECT COUNT(*) FROM XJ_RUNS WHERE STATUS = 'running'") == 0, Duration.ofSeconds(420));
        Thread.sleep(5000); // a few check-in intervals: nothing else may start

        // (a) each site audited to completion exactly once in the night
        for (String url : urls) {
            assertThat(count("SELECT COUNT(*) FROM XJ_RUNS WHERE STATUS = 'completed' AND SITE_URL = '" + url + "'"))
                    .as("completed runs of %s", url).isEqualTo(1);
        }
        // (b) both nodes did part of the work
        Map<String, Long> perNode = grouped("SELECT NODE, COUNT(*) FROM XJ_RUNS WHERE STATUS = 'completed' GROUP BY NODE");
        System.err.println("ServeClusterIT: completed runs per node " + perNode + ", killed " + victim + " with "
                + killed);
        assertThat(perNode.keySet()).containsExactlyInAnyOrder("node-a", "node-b");
        // (c) the killed node's runs are interrupted, not counted, their evidence gone; the survivor finished them
        assertThat(killed).isNotEmpty();
        for (String id : killed) {
            assertThat(strings("SELECT STATUS FROM XJ_RUNS WHERE ID = '" + id + "'")).containsExactly("interrupted");
            assertThat(strings("SELECT DETAIL FROM XJ_RUNS WHERE ID = '" + id + "'").get(0))
                    .contains("节点 " + victim).contains("已由节点 " + survivor + " 接手");
            String site = strings("SELECT SITE_URL FROM XJ_RUNS WHERE ID = '" + id + "'").get(0);
            assertThat(strings("SELECT NODE FROM XJ_RUNS WHERE STATUS = 'completed' AND SITE_URL = '" + site + "'"))
                    .containsExactly(survivor);
        }
        for (String runDir : killedDirs) {
            assertThat(Path.of(runDir)).doesNotExist();
        }
        assertThat(strings("SELECT NODE FROM XJ_RUNS WHERE STATUS = 'completed' AND SITE_URL = '" + slowUrl + "'"))
                .containsExactly(survivor);
        String survivorLog = ServeProcesses.logText(log(survivor));
        survivorLog.lines().filter(l -> l.contains("recover") || l.contains("interrupted") || l.contains("failed"))
                .forEach(l -> System.err.println("ServeClusterIT: " + survivor + ": " + l));
        assertThat(survivorLog).contains("(recovering)");
        assertThat(count("SELECT COUNT(*) FROM XJ_RUNS")).as("runs started in the night")
                .isEqualTo(NAMES.length + killed.size());
        assertThat(count("SELECT COUNT(*) FROM XJ_RUNS WHERE STATUS = 'interrupted'")).isEqualTo(killed.size());
        assertThat(count("SELECT COUNT(*) FROM XJ_FINDINGS F JOIN XJ_RUNS R ON R.ID = F.RUN_ID "
                + "WHERE R.STATUS <> 'completed'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM XJ_EVIDENCE E JOIN XJ_RUNS R ON R.ID = E.RUN_ID "
                + "WHERE R.STATUS <> 'completed'")).isZero();
        assertEvidenceMatches();

        String after = status(files.get(survivor));
        assertThat(after).contains("本轮待巡检（已到时间，等待空闲的节点）：无");
        assertThat(after.lines().filter(l -> l.startsWith("  " + survivor + " ")).findFirst().orElse(""))
                .contains("在线").contains("空闲");
        assertThat(after).doesNotContain("  " + victim + " ");
    }

    /** Every completed run's evidence is on its node's disk with the stored hash; no other run directory is left. */
    private void assertEvidenceMatches() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = db().getConnection(); Statement s = c.createStatement();
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
        for (String node : List.of("node-a", "node-b")) {
            Path runs = dir.resolve("out-" + node).resolve("runs");
            if (!Files.isDirectory(runs)) {
                continue;
            }
            try (Stream<Path> dirs = Files.list(runs)) {
                for (Path d : dirs.toList()) {
                    assertThat(strings("SELECT STATUS FROM XJ_RUNS WHERE ID = '" + d.getFileName() + "'"))
                            .as("run dir %s", d).containsExactly("completed");
                }
            }
        }
    }

    private String status(Path scheduleFile) throws Exception {
        Schedule schedule = new ScheduleLoader(dir.resolve("x")).load(scheduleFile);
        List<ScheduledSite> scheduled = new ArrayList<>();
        for (Path site : schedule.sites()) {
            scheduled.add(ScheduledSite.of(site, new SiteFileLoader().load(site)));
        }
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            StatusReport.print(schedule, scheduled, Clock.system(ScheduleLoader.ZONE), out);
        }
        System.err.println("ServeClusterIT: status\n" + text);
        return text.toString();
    }

    private Path log(String node) {
        return dir.resolve("serve-" + node + ".log");
    }

    private DataSource db() {
        return pg.getPostgresDatabase();
    }

    private long count(String sql) {
        try (Connection c = db().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return -1; // the tables do not exist before the first node has migrated
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private Map<String, Long> grouped(String sql) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = db().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static byte[] resource(String path) throws Exception {
        try (InputStream in = ServeClusterIT.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
