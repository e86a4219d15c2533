package cn.xunjian.audit;

import cn.xunjian.browser.ChromiumChallengeSolver;
import cn.xunjian.crawl.CrawlLimits;
import cn.xunjian.evidence.EvidenceSettings;
import cn.xunjian.net.HttpEventListener;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.net.ProxySettings;
import cn.xunjian.net.Reachability;
import cn.xunjian.report.CircularSettings;
import cn.xunjian.score.IndicatorCatalogue;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How an audit runs: the catalogue (with its thresholds), the hosts it may contact and how much of a site it takes
 * on.
 *
 * @param offline {@code --offline}: links to hosts other than the audited sites' are not checked
 * @param probes  the start-of-run reachability probe's URLs ({@link Reachability#probeUrls()})
 * @param evidence how the run's manifests are signed and timestamped
 * @param circular who sends the 通报 and the 整改通知书, to whom, with which 文号 and 期限 ({@code --circular})
 */
public record AuditSettings(IndicatorCatalogue catalogue, NetworkScope scope, AuditLimits limits, boolean offline,
                            List<String> probes, ProxySettings proxies, EvidenceSettings evidence,
                            CircularSettings circular) {
    public AuditSettings {
        probes = List.copyOf(probes);
        proxies = proxies == null ? ProxySettings.NONE : proxies;
    }

    public AuditSettings(IndicatorCatalogue catalogue, NetworkScope scope, AuditLimits limits, boolean offline,
                         List<String> probes) {
        this(catalogue, scope, limits, offline, probes, ProxySettings.NONE, EvidenceSettings.standard(),
                CircularSettings.standard());
    }

    public AuditSettings(IndicatorCatalogue catalogue, NetworkScope scope, AuditLimits limits) {
        this(catalogue, scope, limits, false, Reachability.probeUrls());
    }

    /** The same settings, reaching sites through {@code p} (the HTTP stack and Chromium alike). */
    public AuditSettings withProxies(ProxySettings p) {
        return new AuditSettings(catalogue, scope, limits, offline, probes, p, evidence, circular);
    }

    /** The same settings with an office's circular settings. */
    public AuditSettings withCircular(CircularSettings settings) {
        return new AuditSettings(catalogue, scope, limits, offline, probes, proxies, evidence, settings);
    }

    public AuditSettings(IndicatorCatalogue catalogue, NetworkScope scope) {
        this(catalogue, scope, AuditLimits.standard());
    }

    /** The same settings, not checking links to other hosts ({@code --offline}). */
    public AuditSettings withOffline(boolean skipExternal) {
        return new AuditSettings(catalogue, scope, limits, skipExternal, probes, proxies, evidence, circular);
    }

    /** The same settings, sealing the run's manifests as {@code seal} says (key directory, algorithm, TSA). */
    public AuditSettings withEvidence(EvidenceSettings seal) {
        return new AuditSettings(catalogue, scope, limits, offline, probes, proxies, seal, circular);
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
        return new AuditSettings(catalogue.withAvailabilityTimeout(seconds), scope, limits, offline, probes, proxies,
                evidence, circular);
    }

    /**
     * The same settings crawling at most {@code maxPages} pages of a site (a site file's {@code maxPages} or
     * {@code --max-pages}); null keeps the default, the whole site up to the safety cap of {@code audit-limits.json}.
     */
    public AuditSettings withMaxPages(Integer maxPages) {
        if (maxPages == null) {
            return this;
        }
        AuditLimits l = new AuditLimits(maxPages, limits.crawlMaxDepth(), limits.renderBudget(),
                limits.brokenLinkScreenshots(), limits.pageCacheChars());
        return new AuditSettings(catalogue, scope, l, offline, probes, proxies, evidence,
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
                .proxies(proxies).challenges(new ChromiumChallengeSolver(scope, Clock.systemUTC()))
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
