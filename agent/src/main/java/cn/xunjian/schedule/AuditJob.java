package cn.xunjian.schedule;

import cn.xunjian.alert.AlertEvent;
import cn.xunjian.audit.AuditServices;
import cn.xunjian.audit.Auditor;
import cn.xunjian.model.Finding;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.Manifest;
import cn.xunjian.internal.Json;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.report.Report;
import cn.xunjian.site.SiteFileLoader;
import cn.xunjian.store.jdbc.JdbcResultStore;
import cn.xunjian.store.jdbc.StoredRun;
import java.nio.file.Path;
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
 * start is an orphan of a crash: it is marked interrupted and its directory removed.
 */
@DisallowConcurrentExecution
public final class AuditJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(AuditJob.class);
    static final String SITE_KEY = "siteKey";

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        ServeServices s = ServeServices.of(context);
        ScheduledSite scheduled = s.sites().get(context.getMergedJobDataMap().getString(SITE_KEY));
        if (scheduled == null) {
            LOG.warn("audit job {} names a site no longer in the schedule; skipped", context.getJobDetail().getKey());
            return;
        }
        var site = new SiteFileLoader().load(scheduled.file());
        for (StoredRun orphan : s.results().running(site.url())) {
            s.results().interruptRun(orphan.id(), s.clock().instant(), "上次巡检未完成（进程中止），已作废");
            EvidenceDirs.remove(orphan.runDir());
            LOG.info("run {} of {} was left running; marked interrupted", orphan.id(), site.url());
        }
        String runId = ShanghaiTime.stamp(s.clock()) + "-" + scheduled.key() + "-"
                + String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000));
        Path runDir = s.runsDir().resolve(runId);
        s.results().beginRun(new JdbcResultStore.RunStart(runId, site.url(), site.name(), site.siteCode(), s.node(),
                s.clock().instant(), runDir));
        LOG.info("audit {} of {} started{}", runId, site.url(), context.isRecovering() ? " (recovering)" : "");
        try {
            List<Finding> previous = s.results().previousFindings(site.url(), runId).orElse(null);
            AuditServices services = new AuditServices(s.messages(), Optional.of(s.results()),
                    Optional.of(s.results()), runId);
            Report report = new Auditor(s.auditSettings(), s.clock(), services).audit(List.of(site), runDir,
                    Auditor.ProgressListener.NONE);
            Manifest manifest = Json.mapper().readValue(runDir.resolve(EvidenceStore.MANIFEST).toFile(), Manifest.class);
            s.results().completeRun(runId, s.clock().instant(), report.sites().get(0), manifest.files());
            s.alerts().audited(new AlertEvent.Site(site.name(), site.url()), previous,
                    report.sites().get(0).findings());
            LOG.info("audit {} of {} completed: {} with {} findings", runId, site.url(),
                    report.sites().get(0).verdict().label(), report.sites().get(0).findings().size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(s, runId, runDir, "巡检被中断");
        } catch (Exception e) {
            abandon(s, runId, runDir, "巡检出错：" + e);
            throw new JobExecutionException("audit " + runId + " failed", e);
        }
    }

    private static void abandon(ServeServices s, String runId, Path runDir, String reason) {
        LOG.warn("audit {} abandoned: {}", runId, reason);
        s.results().interruptRun(runId, s.clock().instant(), reason);
        EvidenceDirs.remove(runDir);
    }
}
