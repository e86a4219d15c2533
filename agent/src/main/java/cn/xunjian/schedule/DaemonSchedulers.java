package cn.xunjian.schedule;

import cn.xunjian.store.jdbc.Database;
import cn.xunjian.store.jdbc.Dialect;
import java.util.List;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;

/**
 * The daemon's two Quartz schedulers on the store's database: {@code xunjian-light} for probes and clean-up,
 * {@code xunjian-heavy} (few threads) for audits, the weekly circular and follow-ups, so a night of audits never
 * starves the probes. Clustered when the database is PostgreSQL.
 */
record DaemonSchedulers(Scheduler light, Scheduler heavy, boolean clustered) {
    /** Creates both schedulers (not started). */
    static DaemonSchedulers create(Database db, Schedule schedule) throws SchedulerException {
        boolean clustered = db.dialect() == Dialect.POSTGRESQL;
        Schedule.Cluster cluster = schedule.cluster();
        Scheduler light = QuartzSchedulers.create(db, new QuartzSchedulers.Spec(Daemon.LIGHT, cluster.instanceId(),
                clustered, cluster.checkinInterval(), schedule.threads()));
        Scheduler heavy = QuartzSchedulers.create(db, new QuartzSchedulers.Spec(Daemon.HEAVY, cluster.instanceId(),
                clustered, cluster.checkinInterval(), schedule.auditsAtOnce()));
        return new DaemonSchedulers(light, heavy, clustered);
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
