package cn.xunjian.schedule;

import cn.xunjian.model.ProbeRecord;
import cn.xunjian.store.jdbc.Database;
import cn.xunjian.store.jdbc.Dialect;
import cn.xunjian.store.jdbc.JdbcResultStore;
import cn.xunjian.store.jdbc.Migrations;
import cn.xunjian.store.jdbc.StoreSize;
import cn.xunjian.store.jdbc.StoredRun;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code status} prints: next fire time of every job (read from Quartz's tables, so it works while
 * {@code serve} runs elsewhere), for a cluster which node audits which site now and which audits are left tonight,
 * the last run and probe of each site, and the size of the store.
 */
public final class StatusReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ScheduleLoader.ZONE);

    private StatusReport() {
    }

    public static void print(Schedule schedule, List<ScheduledSite> sites, Clock clock, PrintWriter out) {
        try (Database db = Database.open(schedule.database().url(), schedule.database().user(),
                schedule.database().password(), 2)) {
            new Migrations(db.dataSource(), db.dialect()).migrate();
            JdbcResultStore store = new JdbcResultStore(db.dataSource());
            out.println("数据库：" + db.dialect().name().toLowerCase(Locale.ROOT) + "  " + redact(db.url()));
            out.println("时区：" + schedule.zone().getId());
            out.println();
            out.println("下次运行：");
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT SCHED_NAME, TRIGGER_GROUP, TRIGGER_NAME, NEXT_FIRE_TIME, "
                         + "TRIGGER_STATE FROM QRTZ_TRIGGERS ORDER BY NEXT_FIRE_TIME, TRIGGER_GROUP, TRIGGER_NAME")) {
                int n = 0;
                while (rs.next()) {
                    long next = rs.getLong(4);
                    out.printf(Locale.ROOT, "  %-14s %-14s %-16s %s  %s%n", rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.wasNull() || next <= 0 ? "-" : TIME.format(Instant.ofEpochMilli(next)),
                            rs.getString(5));
                    n++;
                }
                if (n == 0) {
                    out.println("  （尚无任务：serve 还没有启动过）");
                }
            } catch (SQLException e) {
                out.println("  无法读取任务表：" + e.getMessage());
            }
            if (db.dialect() == Dialect.POSTGRESQL) {
                out.println();
                ClusterStatus.print(db.dataSource(), schedule, sites, store, clock, out);
            }
            out.println();
            out.println("各站最近结果：");
            Map<String, StoredRun> runs = store.latestRuns();
            Map<String, ProbeRecord> probes = store.latestProbes();
            Instant now = clock.instant();
            for (ScheduledSite site : sites) {
                String url = site.site().url();
                StoredRun run = runs.get(url);
                ProbeRecord probe = probes.get(url);
                List<ProbeRecord> week = store.probes(url, now.minus(Duration.ofDays(7)), now.plusSeconds(1));
                long failed = week.stream().filter(p -> !p.ok()).count();
                out.printf(Locale.ROOT, "  %s（%s）%n", site.site().name(), url);
                out.printf(Locale.ROOT, "    最近巡检：%s%n", run == null ? "无"
                        : run.id() + " " + run.status().column() + (run.verdict() == null ? "" : " " + run.verdict()));
                out.printf(Locale.ROOT, "    最近探测：%s；近7天 %d 次，失败 %d 次%n", probe == null ? "无"
                        : probe.at() + " " + (probe.ok() ? "正常" : "失败（" + probe.reason() + "）"), week.size(), failed);
            }
            StoreSize size = store.size();
            out.println();
            out.printf(Locale.ROOT, "存储：巡检 %d 次（完成 %d），问题 %d 条，证据文件 %d 个（%d 字节），探测 %d 次，测试留言 %d 条%n",
                    size.runs(), size.completedRuns(), size.findings(), size.evidenceFiles(), size.evidenceBytes(),
                    size.probes(), size.submittedMessages());
        }
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
