package cn.xunjian.schedule;

import cn.xunjian.store.jdbc.JdbcResultStore;
import cn.xunjian.store.jdbc.StoredRun;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a site's audit job settles before it audits. Quartz runs one site's audit on one node at a time across the
 * cluster ({@code @DisallowConcurrentExecution}), so a run of the site still {@code running} when the job starts is
 * an orphan — of this node before a restart, of a node that died (Quartz recovered its job here), or of a node
 * Quartz took for dead (its late completion is refused: the run is no longer running). Orphans are marked
 * interrupted and their directories removed; a directory on another machine's disk is removed by that node's
 * reconciliation when it starts again. A recovered fire whose audit the dead node had already committed (killed
 * between the commit and telling Quartz) is not audited a second time.
 */
final class OrphanRuns {
    private static final Logger LOG = LoggerFactory.getLogger(AuditJob.class);

    private final JdbcResultStore results;
    private final String node;
    private final Clock clock;

    OrphanRuns(JdbcResultStore results, String node, Clock clock) {
        this.results = results;
        this.node = node;
        this.clock = clock;
    }

    /** For a recovered fire: the site's run that completed after the dead node's fire, if it got that far. */
    Optional<StoredRun> completedByDeadNode(String siteUrl, JobExecutionContext context) {
        if (!context.isRecovering()) {
            return Optional.empty();
        }
        String fired = context.getMergedJobDataMap().getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_FIRETIME_IN_MILLISECONDS);
        if (fired == null) {
            return Optional.empty();
        }
        Instant firedAt = Instant.ofEpochMilli(Long.parseLong(fired));
        return results.latestCompleted(siteUrl).filter(run -> !run.started().isBefore(firedAt));
    }

    /** Marks the site's runs left {@code running} interrupted and removes their evidence directories. */
    void interrupt(String siteUrl) {
        for (StoredRun orphan : results.running(siteUrl)) {
            String reason = orphan.node().equals(node) ? "上次巡检未完成（本节点进程中止），已作废"
                    : "节点 " + orphan.node() + " 未完成这次巡检（进程中止或失联），已由节点 " + node + " 接手重新巡检，本次结果作废";
            results.interruptRun(orphan.id(), clock.instant(), reason);
            EvidenceDirs.remove(orphan.runDir());
            LOG.info("run {} of {} was left running by node {}; marked interrupted", orphan.id(), siteUrl, orphan.node());
        }
    }
}
