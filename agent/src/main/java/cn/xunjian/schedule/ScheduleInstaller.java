package cn.xunjian.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
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
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the jobs and triggers of a schedule: probes and browser probes of each site on {@code xunjian-light}
 * (spread evenly over their interval), each site's audit, the weekly circular and the follow-ups on
 * {@code xunjian-heavy}, retention on {@code xunjian-light}. Unchanged triggers are kept so their misfire handling
 * applies; changed ones are rescheduled; jobs of sites no longer in the schedule are deleted.
 */
final class ScheduleInstaller {
    /** The daemon's log, where operators look for what the schedule changed. */
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final Schedule schedule;
    private final Set<JobKey> planned = new HashSet<>();

    private ScheduleInstaller(Schedule schedule) {
        this.schedule = schedule;
    }

    /** Adds or updates the schedule's jobs on the two schedulers and removes the jobs it no longer has. */
    static void install(Schedule schedule, List<ScheduledSite> sites, DaemonSchedulers schedulers, Clock clock)
            throws SchedulerException {
        new ScheduleInstaller(schedule).installAll(sites, schedulers, clock);
    }

    private void installAll(List<ScheduledSite> sites, DaemonSchedulers schedulers, Clock clock)
            throws SchedulerException {
        Scheduler light = schedulers.light();
        Scheduler heavy = schedulers.heavy();
        Schedule s = schedule;
        long now = clock.millis();
        for (int i = 0; i < sites.size(); i++) {
            installSite(sites.get(i), i, sites.size(), light, heavy, now);
        }
        put(heavy, job(CircularJob.class, JobGroups.BATCH, "weekly-circular", false).build(),
                cron("weekly-circular", JobGroups.BATCH, s.circularCron(), true));
        put(heavy, job(FollowUpJob.class, JobGroups.BATCH, "follow-up", false).build(),
                cron("follow-up", JobGroups.BATCH, s.followUpCron(), true));
        put(light, job(RetentionJob.class, JobGroups.BATCH, "retention", false).build(),
                cron("retention", JobGroups.BATCH, s.retention().cron(), false));
        for (Scheduler scheduler : schedulers.both()) {
            for (String group : JobGroups.ALL) {
                for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(group))) {
                    if (!planned.contains(key)) {
                        LOG.info("removing job {} (no longer in the schedule)", key);
                        scheduler.deleteJob(key);
                    }
                }
            }
        }
    }

    /**
     * Adds or updates the probe, browser-probe and audit jobs of one site (a site saved in the web console), leaving
     * every other job alone. The jobs are durable in the JDBC job store, so one node installing them is enough.
     */
    static void installSite(Schedule schedule, ScheduledSite site, int index, int count, DaemonSchedulers schedulers,
                            Clock clock) throws SchedulerException {
        new ScheduleInstaller(schedule).installSite(site, index, count, schedulers.light(), schedulers.heavy(),
                clock.millis());
    }

    private void installSite(ScheduledSite site, int index, int count, Scheduler light, Scheduler heavy, long now)
            throws SchedulerException {
        Schedule s = schedule;
        String url = site.site().url();
        Duration offset = ProbeSpread.offset(index, count, s.probes().interval());
        put(light, job(ProbeJob.class, JobGroups.PROBE, site.key(), false).usingJobData(ProbeJob.SITE_URL, url).build(),
                TriggerBuilder.newTrigger().withIdentity(site.key(), JobGroups.PROBE).withPriority(7)
                        .startAt(new Date(now + offset.toMillis()))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                .withIntervalInMilliseconds(s.probes().interval().toMillis()).repeatForever()
                                .withMisfireHandlingInstructionNextWithRemainingCount()).build());
        if (s.probes().browserInterval() != null) {
            Duration boffset = ProbeSpread.offset(index, count, s.probes().browserInterval());
            put(light, job(BrowserProbeJob.class, JobGroups.BROWSER_PROBE, site.key(), false)
                            .usingJobData(ProbeJob.SITE_URL, url).build(),
                    TriggerBuilder.newTrigger().withIdentity(site.key(), JobGroups.BROWSER_PROBE).withPriority(5)
                            .startAt(new Date(now + boffset.toMillis() + s.probes().interval().toMillis() / 2))
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                    .withIntervalInMilliseconds(s.probes().browserInterval().toMillis())
                                    .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount()).build());
        }
        put(heavy, job(AuditJob.class, JobGroups.AUDIT, site.key(), true).usingJobData(AuditJob.SITE_KEY, site.key())
                .build(), cron(site.key(), JobGroups.AUDIT, s.auditCron(), true));
    }

    private static JobBuilder job(Class<? extends Job> type, String group, String name, boolean recover) {
        return JobBuilder.newJob(type).withIdentity(name, group).storeDurably().requestRecovery(recover);
    }

    /** Cron in Asia/Shanghai; a missed fire runs once at start-up ({@code fireNow}) or waits for the next one. */
    private Trigger cron(String name, String group, String expr, boolean fireNow) {
        CronScheduleBuilder b = CronScheduleBuilder.cronSchedule(expr)
                .inTimeZone(TimeZone.getTimeZone(schedule.zone()));
        b = fireNow ? b.withMisfireHandlingInstructionFireAndProceed() : b.withMisfireHandlingInstructionDoNothing();
        return TriggerBuilder.newTrigger().withIdentity(name, group).withPriority(5).withSchedule(b).build();
    }

    private void put(Scheduler scheduler, JobDetail job, Trigger trigger) throws SchedulerException {
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
}
