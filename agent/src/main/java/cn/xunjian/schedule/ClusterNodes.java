package cn.xunjian.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The nodes of a cluster as Quartz's check-ins in {@code QRTZ_SCHEDULER_STATE} show them. */
final class ClusterNodes {
    /**
     * One node's last check-in on the heavy scheduler.
     *
     * @param live it checked in recently enough that nobody takes it for dead yet
     */
    record Node(String id, Instant lastCheckin, Duration interval, boolean live) {
    }

    private ClusterNodes() {
    }

    /**
     * Every node checked in on {@code scheduler}. A node counts as live until twice its check-in interval (at least
     * {@code checkin}) plus Quartz's 7.5 s grace have passed. Quartz stamps check-ins with the wall clock, so
     * {@code nowMillis} is the wall clock too.
     */
    static List<Node> of(DataSource dataSource, String scheduler, Duration checkin, long nowMillis) {
        List<Node> nodes = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement p = c.prepareStatement("SELECT INSTANCE_NAME, LAST_CHECKIN_TIME, CHECKIN_INTERVAL "
                     + "FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ? ORDER BY INSTANCE_NAME")) {
            p.setString(1, scheduler);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long last = rs.getLong(2);
                    long interval = rs.getLong(3);
                    boolean live = last + 2 * Math.max(interval, checkin.toMillis()) + 7500 > nowMillis;
                    nodes.add(new Node(rs.getString(1), Instant.ofEpochMilli(last), Duration.ofMillis(interval), live));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read cluster state: " + e.getMessage(), e);
        }
        return nodes;
    }
}
