package cn.xunjian.schedule;

import cn.xunjian.alert.AlertEvent;
import cn.xunjian.audit.AuditSettings;
import cn.xunjian.net.HttpEventListener;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.check.AvailabilityProbe;
import cn.xunjian.store.jdbc.Database;
import cn.xunjian.store.jdbc.Dialect;
import cn.xunjian.store.jdbc.JdbcResultStore;
import cn.xunjian.store.jdbc.JdbcSubmittedMessageStore;
import cn.xunjian.store.jdbc.Migrations;
import cn.xunjian.store.jdbc.StoredRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
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
    static final String PROBE = "probe";
    static final String BROWSER_PROBE = "browser-probe";
    static final String AUDIT = "audit";
    static final String BATCH = "batch";
    static final Set<String> GROUPS = Set.of(PROBE, BROWSER_PROBE, AUDIT, BATCH);

    private final Database db;
    private final Scheduler light;
    private final Scheduler heavy;
    private final ServeServices services;
    private final HttpStack http;
    private volatile boolean stopped;

    private Daemon(Database db, Scheduler light, Scheduler heavy, ServeServices services, HttpStack http) {
        this.db = db;
        this.light = light;
        this.heavy = heavy;
        this.services = services;
        this.http = http;
    }

    /** Opens and migrates the database, recovers from a crash, installs the jobs and starts the schedulers. */
    public static Daemon start(Schedule schedule, List<ScheduledSite> sites, Clock clock) throws SchedulerException {
        Database db = Database.open(schedule.database().url(), schedule.database().user(),
                schedule.database().password(), schedule.threads() + schedule.auditsAtOnce() + 8);
        try {
            new Migrations(db.dataSource(), db.dialect()).migrate();
            boolean clustered = db.dialect() == Dialect.POSTGRESQL;
            Duration checkin = schedule.cluster().checkinInterval();
            Scheduler light = QuartzSchedulers.create(db, new QuartzSchedulers.Spec(LIGHT,
                    schedule.cluster().instanceId(), clustered, checkin, schedule.threads()));
            Scheduler heavy = QuartzSchedulers.create(db, new QuartzSchedulers.Spec(HEAVY,
                    schedule.cluster().instanceId(), clustered, checkin, schedule.auditsAtOnce()));
            NetworkScope scope = schedule.loopbackOnly() ? NetworkScope.LOOPBACK_ONLY : NetworkScope.ANY;
            AuditSettings settings = AuditSettings.standard(scope)
                    .withAvailabilityTimeout((int) schedule.probes().timeout().toSeconds());
            // the daemon's probes share one stack (and so its per-host limits); each audit builds its own
            HttpStack http = HttpStack.builder(scope).timeout(schedule.probes().timeout())
                    .listener(HttpEventListener.debugLog()).build();
            Map<String, ScheduledSite> byKey = new LinkedHashMap<>();
            sites.forEach(s -> byKey.put(s.key(), s));
            ServeServices services = new ServeServices(schedule, byKey, new JdbcResultStore(db.dataSource()),
                    new JdbcSubmittedMessageStore(db.dataSource()),
                    new AvailabilityProbe(http, schedule.probes().timeout(), clock), settings, scope, clock,
                    light.getSchedulerInstanceId(), DaemonAlerts.of(schedule, clock));
            Instant since = clock.instant().minus(Duration.ofDays(1));
            for (ScheduledSite s : sites) {
                services.alerts().prime(new AlertEvent.Site(s.site().name(), s.site().url()),
                        services.results().probes(s.site().url(), since, clock.instant()));
            }
            light.getContext().put(ServeServices.KEY, services);
            heavy.getContext().put(ServeServices.KEY, services);
            Daemon daemon = new Daemon(db, light, heavy, services, http);
            daemon.recover(clustered, checkin);
            daemon.install(sites, clock);
            heavy.start();
            light.start();
            LOG.info("serve started on {} as node {}: {} sites, probes every {}, audits '{}' ({})", db.dialect(),
                    services.node(), sites.size(), schedule.probes().interval(), schedule.auditCron(),
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

    public Scheduler lightScheduler() {
        return light;
    }

    public Scheduler heavyScheduler() {
        return heavy;
    }

    /** Runs left {@code running} by a dead process become interrupted; run directories follow the database. */
    private void recover(boolean clustered, Duration checkin) {
        JdbcResultStore results = services.results();
        Set<String> live = clustered ? liveNodes(checkin) : Set.of();
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

    private Set<String> liveNodes(Duration checkin) {
        Set<String> live = new HashSet<>();
        long now = System.currentTimeMillis(); // Quartz writes check-ins on the wall clock, not the injected one
        try (Connection c = db.dataSource().getConnection();
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

    /** Adds or updates the schedule's jobs; unchanged triggers are kept so their misfire handling applies. */
    private void install(List<ScheduledSite> sites, Clock clock) throws SchedulerException {
        Schedule s = services.schedule();
        Set<JobKey> planned = new HashSet<>();
        long now = clock.millis();
        for (int i = 0; i < sites.size(); i++) {
            ScheduledSite site = sites.get(i);
            String url = site.site().url();
            Duration offset = ProbeSpread.offset(i, sites.size(), s.probes().interval());
            put(light, planned, job(ProbeJob.class, PROBE, site.key(), false).usingJobData(ProbeJob.SITE_URL, url).build(),
                    TriggerBuilder.newTrigger().withIdentity(site.key(), PROBE).withPriority(7)
                            .startAt(new Date(now + offset.toMillis()))
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                    .withIntervalInMilliseconds(s.probes().interval().toMillis()).repeatForever()
                                    .withMisfireHandlingInstructionNextWithRemainingCount()).build());
            if (s.probes().browserInterval() != null) {
                Duration boffset = ProbeSpread.offset(i, sites.size(), s.probes().browserInterval());
                put(light, planned, job(BrowserProbeJob.class, BROWSER_PROBE, site.key(), false)
                                .usingJobData(ProbeJob.SITE_URL, url).build(),
                        TriggerBuilder.newTrigger().withIdentity(site.key(), BROWSER_PROBE).withPriority(5)
                                .startAt(new Date(now + boffset.toMillis() + s.probes().interval().toMillis() / 2))
                                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                        .withIntervalInMilliseconds(s.probes().browserInterval().toMillis())
                                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount()).build());
            }
            put(heavy, planned, job(AuditJob.class, AUDIT, site.key(), true).usingJobData(AuditJob.SITE_KEY, site.key())
                    .build(), cron(site.key(), AUDIT, s.auditCron(), true));
        }
        put(heavy, planned, job(CircularJob.class, BATCH, "weekly-circular", false).build(),
                cron("weekly-circular", BATCH, s.circularCron(), true));
        put(heavy, planned, job(FollowUpJob.class, BATCH, "follow-up", false).build(),
                cron("follow-up", BATCH, s.followUpCron(), true));
        put(light, planned, job(RetentionJob.class, BATCH, "retention", false).build(),
                cron("retention", BATCH, s.retention().cron(), false));
        for (Scheduler scheduler : List.of(light, heavy)) {
            for (String group : GROUPS) {
                for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(group))) {
                    if (!planned.contains(key)) {
                        LOG.info("removing job {} (no longer in the schedule)", key);
                        scheduler.deleteJob(key);
                    }
                }
            }
        }
    }

    private static JobBuilder job(Class<? extends Job> type, String group, String name, boolean recover) {
        return JobBuilder.newJob(type).withIdentity(name, group).storeDurably().requestRecovery(recover);
    }

    /** Cron in Asia/Shanghai; a missed fire runs once at start-up ({@code fireNow}) or waits for the next one. */
    private Trigger cron(String name, String group, String expr, boolean fireNow) {
        CronScheduleBuilder b = CronScheduleBuilder.cronSchedule(expr)
                .inTimeZone(TimeZone.getTimeZone(services.schedule().zone()));
        b = fireNow ? b.withMisfireHandlingInstructionFireAndProceed() : b.withMisfireHandlingInstructionDoNothing();
        return TriggerBuilder.newTrigger().withIdentity(name, group).withPriority(5).withSchedule(b).build();
    }

    private static void put(Scheduler scheduler, Set<JobKey> planned, JobDetail job, Trigger trigger)
            throws SchedulerException {
        planned.add(job.getKey());
        scheduler.addJob(job, true);
        Trigger existing = scheduler.getTrigger(trigger.getKey());
        Trigger bound = trigger.getTriggerBuilder().forJob(job).build();
        try {
            if (existing == null) {
                scheduler.scheduleJob(bound);
            } else if (!same(existing, bound)) {
                scheduler.rescheduleJob(existing.getKey(), bound);
            }
        } catch (ObjectAlreadyExistsException e) {
            LOG.debug("trigger {} was added meanwhile by another node", trigger.getKey());
        }
    }

    private static boolean same(Trigger a, Trigger b) {
        if (a instanceof CronTrigger ca && b instanceof CronTrigger cb) {
            return ca.getCronExpression().equals(cb.getCronExpression())
                    && ca.getTimeZone().getID().equals(cb.getTimeZone().getID())
                    && ca.getMisfireInstruction() == cb.getMisfireInstruction();
        }
        if (a instanceof SimpleTrigger sa && b instanceof SimpleTrigger sb) {
            return sa.getRepeatInterval() == sb.getRepeatInterval() && sa.getMisfireInstruction() == sb.getMisfireInstruction();
        }
        return false;
    }

    /** Next fire time of every trigger of both schedulers, for logs and status. */
    public Map<TriggerKey, Date> nextFireTimes() throws SchedulerException {
        Map<TriggerKey, Date> out = new LinkedHashMap<>();
        for (Scheduler scheduler : List.of(light, heavy)) {
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
     * are still running as interrupted (removing their evidence) and closes the database.
     */
    public synchronized void stop(Duration wait) {
        if (stopped) {
            return;
        }
        stopped = true;
        LOG.info("serve stopping: waiting up to {} for running jobs", wait);
        try {
            light.standby();
            heavy.standby();
        } catch (SchedulerException e) {
            LOG.warn("standby failed: {}", e.toString());
        }
        Thread shutdown = new Thread(() -> {
            try {
                light.shutdown(true);
                heavy.shutdown(true);
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
        for (StoredRun run : services.results().running(null)) {
            if (run.node().equals(services.node())) {
                services.results().interruptRun(run.id(), services.clock().instant(), "巡检服务停止时未完成，本次结果作废");
                EvidenceDirs.remove(run.runDir());
                LOG.warn("run {} of {} did not finish before shutdown; marked interrupted", run.id(), run.siteUrl());
            }
        }
        services.alerts().close();
        http.close();
        db.close();
        LOG.info("serve stopped");
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
