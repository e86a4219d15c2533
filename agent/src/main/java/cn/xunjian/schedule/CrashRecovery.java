package cn.xunjian.schedule;

import cn.xunjian.store.jdbc.JdbcResultStore;
import cn.xunjian.store.jdbc.StoredRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, runs left {@code running} by a dead process become interrupted and run directories follow the
 * database. In a cluster, runs of nodes that still check in are theirs and left alone.
 */
final class CrashRecovery {
    /** The daemon's log, where operators look for what happened at start-up. */
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private CrashRecovery() {
    }

    static void recover(ServeServices services, DataSource dataSource, boolean clustered, Duration checkin) {
        JdbcResultStore results = services.results();
        Set<String> live = clustered ? liveNodes(dataSource, checkin) : Set.of();
        for (StoredRun run : results.running(null)) {
            if (live.contains(run.node())) {
                continue;
            }
            results.interruptRun(run.id(), services.clock().instant(), "巡检进程中止，本次结果作废");
            EvidenceDirs.remove(run.runDir());
            LOG.warn("run {} of {} was left running by node {}; marked interrupted and its evidence removed",
                    run.id(), run.siteUrl(), run.node());
        }
        EvidenceDirs.reconcile(services.runsDir(), results);
    }

    private static Set<String> liveNodes(DataSource dataSource, Duration checkin) {
        Set<String> live = new HashSet<>();
        long now = System.currentTimeMillis(); // Quartz writes check-ins on the wall clock, not the injected one
        try (Connection c = dataSource.getConnection();
             PreparedStatement p = c.prepareStatement("SELECT INSTANCE_NAME, LAST_CHECKIN_TIME, CHECKIN_INTERVAL "
                     + "FROM QRTZ_SCHEDULER_STATE");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                if (rs.getLong(2) + 2 * Math.max(rs.getLong(3), checkin.toMillis()) + 7500 > now) {
                    live.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read cluster state: " + e.getMessage(), e);
        }
        return live;
    }
}
