package cn.xunjian.schedule;

import cn.xunjian.store.jdbc.Database;
import cn.xunjian.store.jdbc.StoreException;
import cn.xunjian.store.jdbc.StoredRun;
import java.time.Duration;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's ordered stop: no new work (both schedulers in standby), running jobs get at most the shutdown wait to
 * finish, this node's runs still running afterwards are marked interrupted with their evidence removed, queued
 * alerts are sent, and the database is closed last — by the daemon, not by H2 at JVM exit, so that everything before
 * (Quartz releasing the triggers it had acquired, the runs marked interrupted) still reaches the database.
 */
final class ShutdownSequence {
    /** The daemon's log, where operators and the shutdown tests read what the stop did. */
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private ShutdownSequence() {
    }

    static void run(DaemonSchedulers schedulers, ServeServices services, Database db, Duration wait) {
        LOG.info("serve stopping: waiting up to {} for running jobs", wait);
        try {
            for (Scheduler scheduler : schedulers.both()) {
                scheduler.standby();
            }
        } catch (SchedulerException e) {
            LOG.warn("standby failed: {}", e.toString());
        }
        Thread shutdown = new Thread(() -> {
            try {
                for (Scheduler scheduler : schedulers.both()) {
                    scheduler.shutdown(true);
                }
            } catch (SchedulerException e) {
                LOG.warn("scheduler shutdown failed: {}", e.toString());
            }
        }, "xunjian-shutdown");
        shutdown.start();
        try {
            shutdown.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            for (StoredRun run : services.results().running(null)) {
                if (run.node().equals(services.node())) {
                    services.results().interruptRun(run.id(), services.clock().instant(), "巡检服务停止时未完成，本次结果作废");
                    EvidenceDirs.remove(run.runDir());
                    LOG.warn("run {} of {} did not finish before shutdown; marked interrupted", run.id(), run.siteUrl());
                }
            }
        } catch (StoreException e) {
            // the next start marks them: its crash recovery finds them still running
            LOG.warn("unfinished runs could not be marked interrupted: {}", e.getMessage());
        }
        services.alerts().close();
        services.http().close();
        try {
            db.shutdown();
        } catch (StoreException e) {
            LOG.warn("database shutdown failed: {}", e.getMessage());
        }
        LOG.info("serve stopped");
    }
}
