package cn.xunjian.schedule;

import cn.xunjian.store.jdbc.Database;
import cn.xunjian.store.jdbc.Dialect;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;

/**
 * The daemon's two Quartz schedulers on the store's database: {@code xunjian-light} for probes and clean-up,
 * {@code xunjian-heavy} (few threads) for audits, the weekly circular and follow-ups, so a night of audits never
 * starves the probes. Clustered when the database is PostgreSQL; both then check in under one node id.
 */
record DaemonSchedulers(Scheduler light, Scheduler heavy, boolean clustered) {
    /** Light jobs come every few minutes: one late by more than a minute follows its misfire instruction. */
    static final Duration LIGHT_MISFIRE = Duration.ofMinutes(1);
    /**
     * Audits wait for a free thread for most of the night (a thousand sites, a few threads per node). Quartz does not
     * acquire a trigger later than its misfire threshold until its misfire handler has re-dated it, which leaves
     * nodes idle while audits wait; 12 hours keeps a night's audits acquirable until they run.
     */
    static final Duration HEAVY_MISFIRE = Duration.ofHours(12);

    /** Creates both schedulers (not started). */
    static DaemonSchedulers create(Database db, Schedule schedule, Clock clock) throws SchedulerException {
        boolean clustered = db.dialect() == Dialect.POSTGRESQL;
        Schedule.Cluster cluster = schedule.cluster();
        String node = clustered ? nodeId(cluster.instanceId(), clock) : cluster.instanceId();
        Scheduler light = QuartzSchedulers.create(db, new QuartzSchedulers.Spec(Daemon.LIGHT, node,
                clustered, cluster.checkinInterval(), schedule.threads(), LIGHT_MISFIRE));
        Scheduler heavy = QuartzSchedulers.create(db, new QuartzSchedulers.Spec(Daemon.HEAVY, node,
                clustered, cluster.checkinInterval(), schedule.auditsAtOnce(), HEAVY_MISFIRE));
        return new DaemonSchedulers(light, heavy, clustered);
    }

    /**
     * The node id both schedulers check in with: the configured one, or for {@code AUTO} host name, process id and
     * start time — one id per process, so the node recorded with a run is the one whose check-ins tell whether it
     * still lives (Quartz's own {@code AUTO} would give each scheduler a different id).
     */
    static String nodeId(String configured, Clock clock) {
        if (!configured.equals("AUTO")) {
            return configured;
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        return QuartzSchedulers.safe(host) + "-" + ProcessHandle.current().pid() + "-"
                + Long.toString(clock.millis(), 36).toLowerCase(Locale.ROOT);
    }

    /** This node's scheduler instance id, recorded with its runs and probes. */
    String node() throws SchedulerException {
        return light.getSchedulerInstanceId();
    }

    /** Both schedulers build their jobs with {@code factory}. */
    void useJobFactory(JobFactory factory) throws SchedulerException {
        light.setJobFactory(factory);
        heavy.setJobFactory(factory);
    }

    void start() throws SchedulerException {
        heavy.start();
        light.start();
    }

    List<Scheduler> both() {
        return List.of(light, heavy);
    }
}
