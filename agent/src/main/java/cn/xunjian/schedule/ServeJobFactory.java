package cn.xunjian.schedule;

import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * Builds each fired job of the daemon with the services it needs, handed to its constructor. Nothing is looked up in
 * the scheduler's context; what a job reads from its job data (the site) stays in the job store.
 */
final class ServeJobFactory implements JobFactory {
    private final ServeServices services;

    ServeJobFactory(ServeServices services) {
        this.services = services;
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        ServeServices s = services;
        if (type == ProbeJob.class) {
            return new ProbeJob(s.probe(), s.results(), s.alerts(), s.sites(), s.node());
        }
        if (type == BrowserProbeJob.class) {
            return new BrowserProbeJob(s.scope(), s.auditSettings().proxies(), s.probe(), s.results(), s.node());
        }
        if (type == AuditJob.class) {
            return new AuditJob(s.sites(), s.results(), s.messages(), s.auditSettings(), s.alerts(), s.clock(), s.node(),
                    s.runsDir(), s.reviews());
        }
        if (type == CircularJob.class) {
            return new CircularJob(s.sites(), s.results(), s.auditSettings().catalogue(), s.clock(),
                    s.schedule().outputDir(), s.reviews(), s.schedule().console().reviewBeforePublish());
        }
        if (type == FollowUpJob.class) {
            return new FollowUpJob(s.messages(), s.scope(), s.auditSettings().proxies(), s.clock());
        }
        if (type == RetentionJob.class) {
            return new RetentionJob(s.results(), s.clock(), s.schedule().retention().days());
        }
        throw new SchedulerException("the daemon has no job of type " + type.getName() + " ("
                + bundle.getJobDetail().getKey() + ")");
    }
}
