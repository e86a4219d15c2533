package cn.xunjian.audit;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.browser.BrowserSession;
import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.PageLoad;
import cn.xunjian.check.AvailabilityCheck;
import cn.xunjian.check.AvailabilityProbe;
import cn.xunjian.check.Check;
import cn.xunjian.check.CheckContext;
import cn.xunjian.check.CheckOutcome;
import cn.xunjian.check.CheckRunner;
import cn.xunjian.model.Finding;
import cn.xunjian.check.PageCheck;
import cn.xunjian.check.PageCheckRunner;
import cn.xunjian.check.PageContext;
import cn.xunjian.model.ProbeRecord;
import cn.xunjian.check.SiteCheck;
import cn.xunjian.check.SiteContext;
import cn.xunjian.model.SitePage;
import cn.xunjian.model.Severity;
import cn.xunjian.column.ColumnFreshnessCheck;
import cn.xunjian.crawl.HttpPageSource;
import cn.xunjian.crawl.LinkChecker;
import cn.xunjian.model.Evidence;
import cn.xunjian.net.HttpStack;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.site.SiteFile;
import cn.xunjian.vision.OcrEngine;
import cn.xunjian.vision.QrDecoder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits one site: availability probes; when the home page opens, the checks of the rendered home page, the
 * crawl with the page checks on every page, the columns, and the whole-site interactive checks.
 */
final class SiteAuditor {
    private static final Logger LOG = LoggerFactory.getLogger(SiteAuditor.class);

    private final AuditSettings settings;
    private final BrowserRuntime browser;
    private final HttpStack http;
    private final LinkChecker links;
    private final OcrEngine ocr;
    private final QrDecoder qr;
    private final List<Check> checks;
    private final List<PageCheck> pageChecks;
    private final List<SiteCheck> siteChecks;
    private final ColumnFreshnessCheck columns;
    private final Clock clock;

    /** @param http the audit's one stack: every request of the site's checks goes through it */
    SiteAuditor(AuditSettings settings, BrowserRuntime browser, HttpStack http, LinkChecker links, OcrEngine ocr,
                QrDecoder qr, List<Check> checks, List<PageCheck> pageChecks, List<SiteCheck> siteChecks,
                Clock clock) {
        this.settings = settings;
        this.browser = browser;
        this.http = http;
        this.links = links;
        this.ocr = ocr;
        this.qr = qr;
        this.checks = checks;
        this.pageChecks = pageChecks;
        this.siteChecks = siteChecks;
        this.columns = new ColumnFreshnessCheck();
        this.clock = clock;
    }

    List<Finding> audit(SiteFile site, SiteEvidence evidence) throws InterruptedException {
        List<Finding> findings = new ArrayList<>();
        AvailabilityProbe probe = new AvailabilityProbe(http, settings.pageTimeout(), clock);
        Map<ProbeRecord, List<Evidence>> probeEvidence = new LinkedHashMap<>();
        ProbeRecord plain = probe.http(site.url());
        probeEvidence.put(plain, List.of(evidence.json("http", "probe-http", plain, site.url())));
        try (BrowserSession session = browser.openSession(DeviceProfile.DESKTOP)) {
            AvailabilityProbe.BrowserVisit visit = probe.browser(session, site.url());
            List<Evidence> visitEvidence = new ArrayList<>();
            visitEvidence.add(evidence.json("http", "probe-browser", visit.record(), site.url()));
            if (visit.load() instanceof PageLoad.Loaded loaded) {
                visitEvidence.add(evidence.screenshot("home-full", loaded.page().screenshot(), loaded.url()));
                visitEvidence.add(evidence.html("home-source", loaded.page().html(), loaded.url()));
            } else if (visit.load() instanceof PageLoad.NotLoaded failed && failed.screenshot().length > 0) {
                visitEvidence.add(evidence.screenshot("home-failed", failed.screenshot(), site.url()));
            }
            probeEvidence.put(visit.record(), visitEvidence);
            findings.addAll(new AvailabilityCheck(settings.catalogue().availability())
                    .judge(new ArrayList<>(probeEvidence.keySet()), probeEvidence));
            if (visit.record().ok() && visit.load() instanceof PageLoad.Loaded loaded) {
                CheckContext ctx = new CheckContext(site, loaded.page(), evidence, links, ocr, qr, clock);
                for (CheckOutcome outcome : new CheckRunner().run(checks, ctx)) {
                    findings.addAll(outcome.findings());
                }
                SessionRenderer renderer = new SessionRenderer(session, settings.pageTimeout(),
                        settings.limits().renderBudget());
                renderer.remember(loaded.url(), loaded.page());
                renderer.remember(site.url(), loaded.page());
                findings.addAll(wholeSite(site, loaded.page(), renderer, evidence));
                for (SiteCheck check : siteChecks) {
                    SiteContext siteContext = new SiteContext(site, loaded.page(), browser, evidence, settings.scope(),
                            http, settings.pageTimeout(), links, ocr, qr, clock, findings);
                    findings.addAll(new CheckRunner().runSiteCheck(check, siteContext).findings());
                }
            } else {
                findings.add(new Finding(AvailabilityCheck.INDICATOR, "audit.incomplete", Severity.INFO, site.url(),
                        "首页未能打开，其余检查未执行", List.of()));
            }
        }
        return findings;
    }

    /** The crawl with the page checks, then the checks that read the site's columns from its pages. */
    private List<Finding> wholeSite(SiteFile site, AuditPage home, SessionRenderer renderer, SiteEvidence evidence)
            throws InterruptedException {
        List<Finding> findings = new ArrayList<>();
        try (HttpPageSource pages = new HttpPageSource(settings.crawlLimits(), http,
                settings.limits().pageCacheChars())) {
            PageContext context = new PageContext(site, evidence, renderer, clock);
            try {
                findings.addAll(new SiteCrawlPhase(settings, http).run(site.url(), new PageCheckRunner(pageChecks, context),
                        pages, renderer, evidence));
            } catch (RuntimeException e) {
                LOG.warn("crawl failed on {}: {}", site.url(), e.toString());
                findings.add(new Finding(SiteCrawlPhase.LINKS, "crawl.errored", Severity.INFO, site.url(),
                        "检查未能完成（全站抓取）：" + e, List.of()));
            }
            try {
                findings.addAll(columns.audit(new SitePage(home.url(), home.html(), 0), pages, renderer, evidence, clock));
            } catch (RuntimeException e) {
                LOG.warn("column check failed on {}: {}", site.url(), e.toString());
                findings.add(new Finding("W-V4", "column.errored", Severity.INFO, site.url(),
                        "检查未能完成（栏目更新）：" + e, List.of()));
            }
        }
        return findings;
    }
}
