package cn.xunjian.schedule;

import cn.xunjian.store.jdbc.JdbcResultStore;
import cn.xunjian.store.jdbc.StoredRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes runs (rows, then evidence directories) and probes older than the retention period. Rows go first, in one
 * transaction; a crash before the directories are gone leaves directories without rows, which the start-up
 * reconciliation removes.
 */
@DisallowConcurrentExecution
final class RetentionJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final JdbcResultStore results;
    private final Clock clock;
    private final int days;

    RetentionJob(JdbcResultStore results, Clock clock, int days) {
        this.results = results;
        this.clock = clock;
        this.days = days;
    }

    @Override
    public void execute(JobExecutionContext context) {
        int removed = run();
        LOG.info("retention: removed {} runs older than {} days", removed, days);
    }

    /** Deletes what is older than the retention period; returns the number of runs removed. */
    int run() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(days));
        List<StoredRun> deleted = results.deleteOlderThan(cutoff);
        for (StoredRun r : deleted) {
            EvidenceDirs.remove(r.runDir());
        }
        return deleted.size();
    }
}
