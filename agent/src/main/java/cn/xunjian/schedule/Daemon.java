package cn.xunjian.schedule;

import cn.xunjian.store.jdbc.Database;
import cn.xunjian.store.jdbc.Migrations;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code serve} daemon: the database (migrated on start), two Quartz schedulers on it — {@code xunjian-light}
 * for probes and clean-up, {@code xunjian-heavy} (few threads) for audits, the weekly circular and follow-ups, so
 * a night of audits never starves the probes — and the jobs of a schedule. Clustered when the database is
 * PostgreSQL.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    /** Scheduler names; cluster members share them. */
    public static final String LIGHT = "xunjian-light";
    public static final String HEAVY = "xunjian-heavy";

    private final Database db;
    private final DaemonSchedulers schedulers;
    private final ServeServices services;
    private boolean stopped;

    private Daemon(Database db, DaemonSchedulers schedulers, ServeServices services) {
        this.db = db;
        this.schedulers = schedulers;
        this.services = services;
    }

    /**
     * Opens and migrates the database, recovers from a crash, installs the jobs of the site files and of the sites
     * stored by the web console, and starts the schedulers.
     */
    public static Daemon start(Schedule schedule, List<ScheduledSite> sites, Clock clock) throws SchedulerException {
        Database db = Database.open(schedule.database().url(), schedule.database().user(),
                schedule.database().password(), schedule.threads() + schedule.auditsAtOnce() + 8);
        try {
            new Migrations(db.dataSource(), db.dialect()).migrate();
            DaemonSchedulers schedulers = DaemonSchedulers.create(db, schedule, clock);
            ServeServices services = ServeServicesFactory.create(schedule, sites, db, clock, schedulers.node());
            schedulers.useJobFactory(new ServeJobFactory(services));
            Daemon daemon = new Daemon(db, schedulers, services);
            CrashRecovery.recover(services, db.dataSource(), schedulers.clustered(), schedule.cluster().checkinInterval());
            List<ScheduledSite> all = services.sites().all();
            ScheduleInstaller.install(schedule, all, schedulers, clock);
            schedulers.start();
            LOG.info("serve started on {} as node {}: {} sites, probes every {}, audits '{}' ({})", db.dialect(),
                    services.node(), all.size(), schedule.probes().interval(), schedule.auditCron(),
                    schedule.zone().getId());
            return daemon;
        } catch (SchedulerException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public ServeServices services() {
        return services;
    }

    /** The database the daemon runs on (the web console shares it). */
    public Database database() {
        return db;
    }

    /**
     * Puts a site saved in the web console to work at once: adds or updates its probe and audit jobs (kept in the
     * shared job store, so every node of a cluster runs them), leaving the other jobs alone.
     */
    public void install(ScheduledSite site) throws SchedulerException {
        List<ScheduledSite> all = services.sites().all();
        int index = Math.max(0, all.stream().map(ScheduledSite::key).toList().indexOf(site.key()));
        ScheduleInstaller.installSite(services.schedule(), site, index, Math.max(all.size(), index + 1), schedulers,
                services.clock());
        LOG.info("jobs of {} ({}) installed", site.site().url(), site.origin().label());
    }

    /** Starts the site's full audit now, on whichever node of the cluster picks it up ("run now" in the console). */
    public void auditNow(String siteKey) throws SchedulerException {
        schedulers.heavy().triggerJob(JobKey.jobKey(siteKey, JobGroups.AUDIT));
    }

    public Scheduler lightScheduler() {
        return schedulers.light();
    }

    public Scheduler heavyScheduler() {
        return schedulers.heavy();
    }

    /** Next fire time of every trigger of both schedulers, for logs and status. */
    public Map<TriggerKey, Date> nextFireTimes() throws SchedulerException {
        Map<TriggerKey, Date> out = new LinkedHashMap<>();
        for (Scheduler scheduler : schedulers.both()) {
            for (String group : scheduler.getTriggerGroupNames()) {
                for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(group))) {
                    Trigger t = scheduler.getTrigger(key);
                    if (t != null) {
                        out.put(key, t.getNextFireTime());
                    }
                }
            }
        }
        return out;
    }

    /**
     * Stops taking new work, lets running jobs finish for at most {@code wait}, then marks this node's runs that
     * are still running as interrupted (removing their evidence) and closes the database. Only the first call
     * does anything.
     */
    public synchronized void stop(Duration wait) {
        if (stopped) {
            return;
        }
        stopped = true;
        ShutdownSequence.run(schedulers, services, db, wait);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
