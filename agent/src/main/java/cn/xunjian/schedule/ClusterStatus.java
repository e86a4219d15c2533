package cn.xunjian.schedule;

import cn.xunjian.store.jdbc.JdbcResultStore;
import cn.xunjian.store.jdbc.StoredRun;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The cluster part of {@code status}: each node of the heavy scheduler with its last check-in and the sites it audits
 * now, runs of nodes that stopped checking in (their sites wait for another node), and the audits that are due and
 * not yet started tonight.
 */
final class ClusterStatus {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ScheduleLoader.ZONE);

    private ClusterStatus() {
    }

    static void print(DataSource dataSource, Schedule schedule, List<ScheduledSite> sites, JdbcResultStore store,
                      Clock clock, PrintWriter out) {
        Map<String, String> names = new LinkedHashMap<>();
        sites.forEach(s -> names.put(s.key(), s.site().name()));
        Map<String, String> namesByUrl = new LinkedHashMap<>();
        sites.forEach(s -> namesByUrl.put(s.site().url(), s.site().name()));
        long now = clock.millis();
        List<ClusterNodes.Node> nodes = ClusterNodes.of(dataSource, Daemon.HEAVY, schedule.cluster().checkinInterval(), now);
        Map<String, List<StoredRun>> running = store.running(null).stream()
                .collect(Collectors.groupingBy(StoredRun::node, LinkedHashMap::new, Collectors.toList()));
        out.println("集群节点：");
        if (nodes.isEmpty()) {
            out.println("  （没有节点在运行）");
        }
        for (ClusterNodes.Node node : nodes) {
            List<StoredRun> runs = running.getOrDefault(node.id(), List.of());
            long ago = Math.max(0, Duration.ofMillis(now - node.lastCheckin().toEpochMilli()).toSeconds());
            out.printf(Locale.ROOT, "  %s  %s，最近签到 %d 秒前；%s%n", node.id(), node.live() ? "在线" : "失联", ago,
                    runs.isEmpty() ? "空闲" : "正在巡检 " + describe(runs, namesByUrl));
        }
        Set<String> listed = nodes.stream().map(ClusterNodes.Node::id).collect(Collectors.toSet());
        running.forEach((node, runs) -> {
            if (!listed.contains(node)) {
                out.printf(Locale.ROOT, "  %s  已停止；未完成 %s，等待其他节点接手%n", node, describe(runs, namesByUrl));
            }
        });
        List<String> left = dueAudits(dataSource, now).stream().map(key -> names.getOrDefault(key, key)).toList();
        out.printf(Locale.ROOT, "本轮待巡检（已到时间，等待空闲的节点）：%s%n",
                left.isEmpty() ? "无" : left.size() + " 站：" + String.join("、", left));
    }

    private static String describe(List<StoredRun> runs, Map<String, String> namesByUrl) {
        List<String> out = new ArrayList<>();
        for (StoredRun r : runs) {
            out.add(namesByUrl.getOrDefault(r.siteUrl(), r.siteName()) + "（" + TIME.format(r.started()) + " 起）");
        }
        return String.join("、", out);
    }

    /** Site keys of audit triggers (recoveries included) that are due and wait for a thread, oldest first. */
    private static List<String> dueAudits(DataSource dataSource, long now) {
        List<String> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement p = c.prepareStatement("SELECT JOB_NAME, MIN(NEXT_FIRE_TIME) FROM QRTZ_TRIGGERS "
                     + "WHERE SCHED_NAME = ? AND JOB_GROUP = ? AND TRIGGER_STATE IN ('WAITING', 'ACQUIRED') "
                     + "AND NEXT_FIRE_TIME <= ? GROUP BY JOB_NAME ORDER BY 2, 1")) {
            p.setString(1, Daemon.HEAVY);
            p.setString(2, JobGroups.AUDIT);
            p.setLong(3, now);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit triggers: " + e.getMessage(), e);
        }
        return keys;
    }
}
