package cn.xunjian.schedule;

import cn.xunjian.store.jdbc.JdbcResultStore;
import cn.xunjian.store.jdbc.StoredRun;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, runs left {@code running} by a dead process become interrupted and run directories follow the
 * database. In a cluster, runs of other nodes that still check in are theirs and left alone; runs recorded under
 * this node's own id are from before this start, however recent its last check-in.
 */
final class CrashRecovery {
    /** The daemon's log, where operators look for what happened at start-up. */
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private CrashRecovery() {
    }

    static void recover(ServeServices services, DataSource dataSource, boolean clustered, Duration checkin) {
        JdbcResultStore results = services.results();
        long now = System.currentTimeMillis(); // Quartz writes check-ins on the wall clock, not the injected one
        Set<String> live = !clustered ? Set.of() : Stream.of(Daemon.HEAVY, Daemon.LIGHT)
                .flatMap(scheduler -> ClusterNodes.of(dataSource, scheduler, checkin, now).stream())
                .filter(ClusterNodes.Node::live).map(ClusterNodes.Node::id).collect(Collectors.toSet());
        for (StoredRun run : results.running(null)) {
            if (live.contains(run.node()) && !run.node().equals(services.node())) {
                continue;
            }
            results.interruptRun(run.id(), services.clock().instant(), "巡检进程中止，本次结果作废");
            EvidenceDirs.remove(run.runDir());
            LOG.warn("run {} of {} was left running by node {}; marked interrupted and its evidence removed",
                    run.id(), run.siteUrl(), run.node());
        }
        EvidenceDirs.reconcile(services.runsDir(), results);
    }
}
