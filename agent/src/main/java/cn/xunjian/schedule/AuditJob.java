package cn.xunjian.schedule;

import cn.xunjian.alert.AlertEvent;
import cn.xunjian.audit.AuditServices;
import cn.xunjian.audit.AuditSettings;
import cn.xunjian.audit.Auditor;
import cn.xunjian.model.Finding;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.Manifest;
import cn.xunjian.internal.Json;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.report.Report;
import cn.xunjian.site.SiteFileLoader;
import cn.xunjian.store.FindingReviews;
import cn.xunjian.store.jdbc.JdbcResultStore;
import cn.xunjian.store.jdbc.JdbcSubmittedMessageStore;
import cn.xunjian.store.jdbc.StoredRun;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full audit of one site into {@code runs/<run id>/}. The run row is committed as {@code running} before any
 * evidence is written; findings and evidence are committed with the switch to {@code completed}. One job per site,
 * never concurrent with itself (across the cluster too), so a {@code running} row of the same site found at the
 * start is an orphan of a crash, whichever node left it: {@link OrphanRuns} marks it interrupted and removes its
 * directory.
 */
@DisallowConcurrentExecution
final class AuditJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(AuditJob.class);
    static final String SITE_KEY = "siteKey";

    private final SiteRegistry sites;
    private final JdbcResultStore results;
    private final JdbcSubmittedMessageStore messages;
    private final AuditSettings settings;
    private final DaemonAlerts alerts;
    private final Clock clock;
    private final String node;
    private final Path runsDir;
    private final FindingReviews reviews;

    AuditJob(SiteRegistry sites, JdbcResultStore results, JdbcSubmittedMessageStore messages,
             AuditSettings settings, DaemonAlerts alerts, Clock clock, String node, Path runsDir,
             FindingReviews reviews) {
        this.reviews = reviews;
        this.sites = sites;
        this.results = results;
        this.messages = messages;
        this.settings = settings;
        this.alerts = alerts;
        this.clock = clock;
        this.node = node;
        this.runsDir = runsDir;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        ScheduledSite scheduled = sites.byKey(context.getMergedJobDataMap().getString(SITE_KEY)).orElse(null);
        if (scheduled == null) {
            LOG.warn("audit job {} names a site no longer in the schedule; skipped", context.getJobDetail().getKey());
            return;
        }
        // a site file is read again, so an edit of the file applies without a restart; a console site (or a console
        // edit of a file) was just read from the database
        var site = scheduled.origin() == ScheduledSite.Origin.FILE ? new SiteFileLoader().load(scheduled.file())
                : scheduled.site();
        OrphanRuns orphans = new OrphanRuns(results, node, clock);
        Optional<StoredRun> done = orphans.completedByDeadNode(site.url(), context);
        if (done.isPresent()) {
            LOG.info("recovered audit of {} skipped: run {} of node {} completed it", site.url(), done.get().id(),
                    done.get().node());
            return;
        }
        orphans.interrupt(site.url());
        String runId = ShanghaiTime.stamp(clock) + "-" + scheduled.key() + "-"
                + String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000));
        Path runDir = runsDir.resolve(runId);
        results.beginRun(new JdbcResultStore.RunStart(runId, site.url(), site.name(), site.siteCode(), node,
                clock.instant(), runDir));
        LOG.info("audit {} of {} started{}", runId, site.url(), context.isRecovering() ? " (recovering)" : "");
        try {
            List<Finding> previous = results.previousFindings(site.url(), runId).orElse(null);
            AuditServices services = new AuditServices(messages, Optional.of(results), Optional.of(results), runId,
                    reviews);
            Report report = new Auditor(settings, clock, services).audit(List.of(site), runDir,
                    Auditor.ProgressListener.NONE);
            Manifest manifest = Json.mapper().readValue(runDir.resolve(EvidenceStore.MANIFEST).toFile(), Manifest.class);
            results.completeRun(runId, clock.instant(), report.sites().get(0), manifest.files());
            alerts.audited(new AlertEvent.Site(site.name(), site.url()), previous, report.sites().get(0).findings());
            LOG.info("audit {} of {} completed: {} with {} findings", runId, site.url(),
                    report.sites().get(0).verdict().label(), report.sites().get(0).findings().size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(runId, runDir, "巡检被中断");
        } catch (Exception e) {
            abandon(runId, runDir, "巡检出错：" + e);
            throw new JobExecutionException("audit " + runId + " failed", e);
        }
    }

    private void abandon(String runId, Path runDir, String reason) {
        LOG.warn("audit {} abandoned: {}", runId, reason);
        results.interruptRun(runId, clock.instant(), reason);
        EvidenceDirs.remove(runDir);
    }
}
