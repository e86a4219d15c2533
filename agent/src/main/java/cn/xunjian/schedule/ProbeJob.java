package cn.xunjian.schedule;

import cn.xunjian.alert.AlertEvent;
import cn.xunjian.model.ProbeRecord;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One HTTP availability probe of one site's home page, stored for W-V2. */
@DisallowConcurrentExecution
public final class ProbeJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(ProbeJob.class);
    static final String SITE_URL = "siteUrl";

    @Override
    public void execute(JobExecutionContext context) {
        ServeServices services = ServeServices.of(context);
        String url = context.getMergedJobDataMap().getString(SITE_URL);
        try {
            ProbeRecord record = services.probe().http(url);
            services.results().recordProbe(url, record, services.node());
            services.alerts().probed(new AlertEvent.Site(siteName(services, url), url), record);
            if (record.ok()) {
                LOG.debug("probe {} ok in {} ms", url, record.millis());
            } else {
                LOG.info("probe {} failed: {}", url, record.reason());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String siteName(ServeServices services, String url) {
        return services.sites().values().stream().filter(s -> s.site().url().equals(url))
                .map(s -> s.site().name()).findFirst().orElse(url);
    }
}
