package cn.xunjian.schedule;

import cn.xunjian.audit.AuditSettings;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.check.AvailabilityProbe;
import cn.xunjian.store.FindingReviews;
import cn.xunjian.store.jdbc.JdbcResultStore;
import cn.xunjian.store.jdbc.JdbcSubmittedMessageStore;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the daemon's jobs are built with ({@link ServeJobFactory}); every node of a cluster builds its own, nothing
 * of it is persisted.
 *
 * @param sites the site files and the web console's sites, read again from the database on every use
 * @param node this node's scheduler instance id, recorded with runs and probes
 * @param alerts where probe streaks, recoveries and new veto findings are reported
 * @param http the stack the daemon's probes share (and so its per-host limits); each audit builds its own
 * @param reviews the console's review statuses, applied to verdicts and the 通报
 */
public record ServeServices(Schedule schedule, SiteRegistry sites, JdbcResultStore results,
                            JdbcSubmittedMessageStore messages, AvailabilityProbe probe, AuditSettings auditSettings,
                            NetworkScope scope, Clock clock, String node, DaemonAlerts alerts,
                            HttpStack http, FindingReviews reviews) {
    public Path runsDir() {
        return schedule.outputDir().resolve("runs");
    }
}
