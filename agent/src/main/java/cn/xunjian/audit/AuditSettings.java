package cn.xunjian.audit;

import cn.xunjian.browser.ChromiumChallengeSolver;
import cn.xunjian.net.HttpEventListener;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.net.Reachability;
import cn.xunjian.crawl.CrawlLimits;
import cn.xunjian.score.IndicatorCatalogue;
import java.time.Clock;
import java.time.Duration;
import cn.xunjian.report.CircularSettings;
import java.util.List;

/**
 * How an audit runs: the catalogue (with its thresholds), the hosts it may contact and how much of a site it takes
 * on.
 *
 * @param offline {@code --offline}: links to hosts other than the audited sites' are not checked
 * @param probes  the start-of-run reachability probe's URLs ({@link Reachability#probeUrls()})
 * @param circular who sends the 通报 and the 整改通知书, to whom, with which 文号 and 期限 ({@code --circular})
 */
public record AuditSettings(IndicatorCatalogue catalogue, NetworkScope scope, AuditLimits limits, boolean offline,
                            List<String> probes, CircularSettings circular) {
    public AuditSettings {
        probes = List.copyOf(probes);
    }

    public AuditSettings(IndicatorCatalogue catalogue, NetworkScope scope, AuditLimits limits, boolean offline,
                         List<String> probes) {
        this(catalogue, scope, limits, offline, probes, CircularSettings.standard());
    }

    public AuditSettings(IndicatorCatalogue catalogue, NetworkScope scope, AuditLimits limits) {
        this(catalogue, scope, limits, false, Reachability.probeUrls());
    }

    /** The same settings with an office's circular settings. */
    public AuditSettings withCircular(CircularSettings settings) {
        return new AuditSettings(catalogue, scope, limits, offline, probes, settings);
    }

    public AuditSettings(IndicatorCatalogue catalogue, NetworkScope scope) {
        this(catalogue, scope, AuditLimits.standard());
    }

    /** The same settings, not checking links to other hosts ({@code --offline}). */
    public AuditSettings withOffline(boolean skipExternal) {
        return new AuditSettings(catalogue, scope, limits, skipExternal, probes, circular);
    }

    /**
     * Tells the stack what this machine can reach: offline, or what the probe of {@link #probes()} found.
     */
    public Reachability.Outside probeReachability(HttpStack http) throws InterruptedException {
        if (offline) {
            http.reachability().skipExternal();
        }
        return http.reachability().probe(http, probes, Reachability.probeTimeout());
    }

    public static AuditSettings standard(NetworkScope scope) {
        return new AuditSettings(IndicatorCatalogue.standard(), scope);
    }

    /** The same settings with another availability (and page) timeout, e.g. from {@code --timeout}. */
    public AuditSettings withAvailabilityTimeout(int seconds) {
        return new AuditSettings(catalogue.withAvailabilityTimeout(seconds), scope, limits, offline, probes,
                circular);
    }

    public Duration pageTimeout() {
        return Duration.ofSeconds(catalogue.availability().timeoutSeconds());
    }

    /**
     * The one HTTP stack of an audit, shared by the probes, the crawl, the link checks, the feeds and the hijack
     * visits: this audit's scope, the crawl's per-host limits across all of them, the page timeout; anti-bot challenges passed in Chromium, their cookies kept.
     */
    public HttpStack newHttpStack() {
        CrawlLimits crawl = crawlLimits();
        return HttpStack.builder(scope).perHost(crawl.perHost(), crawl.minDelay()).timeout(pageTimeout())
                .challenges(new ChromiumChallengeSolver(scope, Clock.systemUTC()))
                .listener(HttpEventListener.debugLog()).build();
    }

    /**
     * How the audit crawls a site and fetches its pages again for later checks: the crawler's defaults within this
     * audit's page and depth caps and page timeout.
     */
    public CrawlLimits crawlLimits() {
        CrawlLimits d = CrawlLimits.defaults();
        return new CrawlLimits(limits.crawlMaxPages(), limits.crawlMaxDepth(), d.perHost(), d.minDelay(), pageTimeout(),
                d.maxPageBytes());
    }
}
