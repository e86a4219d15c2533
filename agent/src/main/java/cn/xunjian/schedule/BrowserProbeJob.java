package cn.xunjian.schedule;

import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.browser.BrowserSession;
import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.check.AvailabilityProbe;
import cn.xunjian.model.ProbeRecord;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.net.ProxySettings;
import cn.xunjian.store.jdbc.JdbcResultStore;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A browser availability probe (render until the load event) of one site, at a lower cadence than HTTP probes. */
@DisallowConcurrentExecution
final class BrowserProbeJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserProbeJob.class);

    private final NetworkScope scope;
    private final AvailabilityProbe probe;
    private final JdbcResultStore results;
    private final String node;
    private final ProxySettings proxies;

    BrowserProbeJob(NetworkScope scope, ProxySettings proxies, AvailabilityProbe probe, JdbcResultStore results,
                    String node) {
        this.scope = scope;
        this.proxies = proxies;
        this.probe = probe;
        this.results = results;
        this.node = node;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String url = context.getMergedJobDataMap().getString(ProbeJob.SITE_URL);
        try (BrowserRuntime browser = BrowserRuntime.start(scope, proxies);
             BrowserSession session = browser.openSession(DeviceProfile.DESKTOP)) {
            ProbeRecord record = probe.browser(session, url).record();
            results.recordProbe(url, record, node);
            LOG.info("browser probe {}: {}", url, record.ok() ? "ok in " + record.millis() + " ms" : record.reason());
        } catch (RuntimeException e) {
            throw new JobExecutionException("browser probe of " + url + " failed: " + e, e);
        }
    }
}
