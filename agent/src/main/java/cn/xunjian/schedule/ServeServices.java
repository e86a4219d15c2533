package cn.xunjian.schedule;

import cn.xunjian.audit.AuditSettings;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.check.AvailabilityProbe;
import cn.xunjian.store.jdbc.JdbcResultStore;
import cn.xunjian.store.jdbc.JdbcSubmittedMessageStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;

/**
 * What the daemon's jobs need, handed to them through each scheduler's context (never persisted, so every node
 * of a cluster supplies its own).
 *
 * @param sites the scheduled sites by {@link ScheduledSite#key()}
 * @param node this node's scheduler instance id, recorded with runs and probes
 * @param alerts where probe streaks, recoveries and new veto findings are reported
 */
public record ServeServices(Schedule schedule, Map<String, ScheduledSite> sites, JdbcResultStore results,
                            JdbcSubmittedMessageStore messages, AvailabilityProbe probe, AuditSettings auditSettings,
                            NetworkScope scope, Clock clock, String node, DaemonAlerts alerts) {
    static final String KEY = "xunjian.services";

    public Path runsDir() {
        return schedule.outputDir().resolve("runs");
    }

    static ServeServices of(JobExecutionContext context) {
        try {
            return (ServeServices) context.getScheduler().getContext().get(KEY);
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}
