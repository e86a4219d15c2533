package cn.xunjian.schedule;

import cn.xunjian.alert.AlertEvent;
import cn.xunjian.check.AvailabilityProbe;
import cn.xunjian.model.ProbeRecord;
import cn.xunjian.store.jdbc.JdbcResultStore;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One HTTP availability probe of one site's home page, stored for W-V2. */
@DisallowConcurrentExecution
final class ProbeJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(ProbeJob.class);
    static final String SITE_URL = "siteUrl";

    private final AvailabilityProbe probe;
    private final JdbcResultStore results;
    private final DaemonAlerts alerts;
    private final SiteRegistry sites;
    private final String node;

    ProbeJob(AvailabilityProbe probe, JdbcResultStore results, DaemonAlerts alerts, SiteRegistry sites,
             String node) {
        this.probe = probe;
        this.results = results;
        this.alerts = alerts;
        this.sites = sites;
        this.node = node;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String url = context.getMergedJobDataMap().getString(SITE_URL);
        try {
            ProbeRecord record = probe.http(url);
            results.recordProbe(url, record, node);
            alerts.probed(new AlertEvent.Site(siteName(url), url), record);
            if (record.ok()) {
                LOG.debug("probe {} ok in {} ms", url, record.millis());
            } else {
                LOG.info("probe {} failed: {}", url, record.reason());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String siteName(String url) {
        return sites.byUrl(url).map(s -> s.site().name()).orElse(url);
    }
}
