package cn.xunjian.audit;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.browser.BrowserSession;
import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.Recording;
import cn.xunjian.browser.PageLoad;
import cn.xunjian.check.AvailabilityCheck;
import cn.xunjian.check.AvailabilityProbe;
import cn.xunjian.check.Check;
import cn.xunjian.check.CheckContext;
import cn.xunjian.check.CheckRunner;
import cn.xunjian.check.Facts;
import cn.xunjian.check.HomePageCheck;
import cn.xunjian.check.PageCheck;
import cn.xunjian.check.PageCheckRunner;
import cn.xunjian.check.PageContext;
import cn.xunjian.check.ResourceTroubleCheck;
import cn.xunjian.check.SiteCheck;
import cn.xunjian.check.SiteContext;
import cn.xunjian.crawl.HttpPageSource;
import cn.xunjian.crawl.LinkChecker;
import cn.xunjian.net.HttpStack;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.evidence.WebArchive;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.model.CheckResult;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.ProbeRecord;
import cn.xunjian.model.Severity;
import cn.xunjian.site.SiteFile;
import cn.xunjian.vision.OcrEngine;
import cn.xunjian.vision.QrDecoder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits one site: availability probes; when the home page opens, the home-page checks on the rendered page, the
 * crawl with the page checks on every page, then the whole-site checks, each in registration order. Every check's
 * outcome is kept; the facts checks establish pass from one to the next.
 */
final class SiteAuditor {
    private static final Logger LOG = LoggerFactory.getLogger(SiteAuditor.class);
    static final String AVAILABILITY = "availability";
    static final String CRAWL = "crawl";

    private final AuditSettings settings;
    private final BrowserRuntime browser;
    private final HttpStack http;
    private final LinkChecker links;
    private final OcrEngine ocr;
    private final QrDecoder qr;
    private final List<HomePageCheck> homeChecks;
    private final List<PageCheck> pageChecks;
    private final List<SiteCheck> siteChecks;
    private final Clock clock;
    private final CheckRunner runner = new CheckRunner();

    /** @param http the audit's one stack: every request of the site's checks goes through it */
    SiteAuditor(AuditSettings settings, BrowserRuntime browser, HttpStack http, LinkChecker links, OcrEngine ocr,
                QrDecoder qr, List<Check> checks, Clock clock) {
        this.settings = settings;
        this.browser = browser;
        this.http = http;
        this.links = links;
        this.ocr = ocr;
        this.qr = qr;
        this.homeChecks = only(checks, HomePageCheck.class);
        this.pageChecks = only(checks, PageCheck.class);
        this.siteChecks = only(checks, SiteCheck.class);
        this.clock = clock;
    }

    private static <T extends Check> List<T> only(List<Check> checks, Class<T> kind) {
        return checks.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    SiteAudit audit(SiteFile site, SiteEvidence evidence) throws InterruptedException {
        PhaseTimer timer = new PhaseTimer(clock);
        OcrEngine ocr = new TimedOcrEngine(this.ocr, timer);
        QrDecoder qr = new TimedQrDecoder(this.qr, timer);
        List<Finding> findings = new ArrayList<>();
        List<CheckResult> results = new ArrayList<>();
        Facts facts = new Facts();
        String host = URI.create(site.url()).getHost();
        http.reachability().home(host);
        if (site.userAgent() != null) {
            http.identify(host, site.userAgent());
        }
        AvailabilityProbe probe = new AvailabilityProbe(http, settings.pageTimeout(), clock);
        Map<ProbeRecord, List<Evidence>> probeEvidence = new LinkedHashMap<>();
        ProbeRecord plain;
        try (PhaseTimer.Lap lap = timer.lap("probe")) {
            plain = probe.http(site.url());
        }
        probeEvidence.put(plain, List.of(evidence.json("http", "probe-http", plain, site.url())));
        BrowserSession session = recordedSession(evidence);
        try (session) {
            AvailabilityProbe.BrowserVisit visit;
            try (PhaseTimer.Lap lap = timer.lap("home")) {
                visit = probe.browser(session, site.url());
            }
            List<Evidence> visitEvidence = new ArrayList<>();
            visitEvidence.add(evidence.json("http", "probe-browser", visit.record(), site.url()));
            if (visit.load() instanceof PageLoad.Loaded loaded) {
                visitEvidence.add(evidence.screenshot("home-full", loaded.page().screenshot(), loaded.url()));
                visitEvidence.add(evidence.html("home-source", loaded.page().html(), loaded.url()));
            } else if (visit.load() instanceof PageLoad.NotLoaded failed && failed.screenshot().length > 0) {
                visitEvidence.add(evidence.screenshot("home-failed", failed.screenshot(), site.url()));
            }
            probeEvidence.put(visit.record(), visitEvidence);
            keep(CheckRunner.outcome(AVAILABILITY, new AvailabilityCheck(settings.catalogue().availability())
                    .judge(new ArrayList<>(probeEvidence.keySet()), probeEvidence)), findings, results);
            if (visit.record().ok() && visit.load() instanceof PageLoad.Loaded loaded
                    && !loaded.troubles().isEmpty()) {
                // what hung or failed is told beside the verdict on availability, never part of it
                findings.addAll(new ResourceTroubleCheck(http.reachability()).judge(site.url(), loaded.troubles(),
                        List.of(evidence.json("http", "home-resources", loaded.troubles(), loaded.url()))));
            }
            if (visit.record().ok() && visit.load() instanceof PageLoad.Loaded loaded) {
                AuditPage home = loaded.page();
                CheckContext ctx = new CheckContext(site, home, evidence, links, ocr, qr, clock, facts);
                for (HomePageCheck check : homeChecks) {
                    try (PhaseTimer.Lap lap = timer.lap("check", check.name())) {
                        keep(runner.run(check, ctx), findings, results);
                    }
                }
                SessionRenderer renderer = new SessionRenderer(session, settings.pageTimeout(),
                        settings.limits().renderBudget(), timer);
                renderer.remember(loaded.url(), home);
                renderer.remember(site.url(), home);
                try (HttpPageSource pages = new HttpPageSource(settings.withMaxPages(site.maxPages()).crawlLimits(), http,
                        settings.limits().pageCacheChars())) {
                    try (PhaseTimer.Lap lap = timer.lap("crawl")) {
                        crawl(site, renderer, pages, evidence, findings, results, facts);
                    }
                    SiteContext siteContext = new SiteContext(site, home, browser, evidence, settings.scope(),
                            http, settings.pageTimeout(), links, pages, renderer, ocr, qr, clock, facts);
                    for (SiteCheck check : siteChecks) {
                        try (PhaseTimer.Lap lap = timer.lap("check", check.name())) {
                            keep(runner.run(check, siteContext), findings, results);
                        }
                    }
                }
            } else {
                findings.add(new Finding(AvailabilityCheck.INDICATOR, "audit.incomplete", Severity.INFO, site.url(),
                        "首页未能打开，其余检查未执行", List.of()));
            }
        }
        List<Finding> archived;
        try (PhaseTimer.Lap lap = timer.lap("archive")) {
            archived = linkToArchive(site, session, evidence, findings);
        }
        return new SiteAudit(archived, results, facts.all(Facts.ACCOUNTS), timer.timings());
    }

    /** The site's one desktop session, recording what it receives for the site's web archive. */
    private BrowserSession recordedSession(SiteEvidence evidence) {
        try {
            return browser.openRecordedSession(DeviceProfile.DESKTOP, evidence.recordingFile());
        } catch (IOException e) {
            LOG.warn("no working folder for the web archive", e);
            return browser.openSession(DeviceProfile.DESKTOP);
        }
    }

    /**
     * Writes the site's web archive from what the closed session recorded and adds, to every finding about a page
     * the session rendered, the archived page and its capture time. An archive that cannot be written costs the
     * findings their link to it, nothing else: the run says so and goes on.
     */
    private List<Finding> linkToArchive(SiteFile site, BrowserSession session, SiteEvidence evidence,
                                        List<Finding> findings) {
        Optional<Recording> recording = session.recording();
        if (recording.isEmpty()) {
            return findings;
        }
        WebArchive archive;
        try {
            if (!Files.isRegularFile(recording.get().har())) {
                throw new IOException("浏览器未写出网页记录");
            }
            archive = evidence.archive(recording.get().har(), recording.get().pages().stream()
                    .map(p -> new WebArchive.Rendered(p.requested(), p.url(), p.title())).toList(), site.name());
        } catch (IOException | RuntimeException e) {
            LOG.warn("web archive of {} failed", site.url(), e);
            List<Finding> all = new ArrayList<>(findings);
            all.add(new Finding(AvailabilityCheck.INDICATOR, "archive.errored", Severity.INFO, site.url(),
                    "网页存档未能生成：" + e.getMessage(), List.of()));
            return all;
        }
        return findings.stream().map(f -> archive.evidenceFor(f.url(), ShanghaiTime.ZONE)
                .map(e -> f.withEvidence(List.of(e))).orElse(f)).toList();
    }

    /** The crawl with the page checks on every page; the crawl itself is reported as a check of its own. */
    private void crawl(SiteFile site, SessionRenderer renderer, HttpPageSource pages, SiteEvidence evidence,
                       List<Finding> findings, List<CheckResult> results, Facts facts) throws InterruptedException {
        PageCheckRunner pageRunner = new PageCheckRunner(pageChecks, new PageContext(site, evidence, renderer, clock));
        try {
            SiteCrawlPhase.Crawled crawled = new SiteCrawlPhase(settings.withMaxPages(site.maxPages()), http).run(site.url(), pageRunner, pages, renderer,
                    evidence);
            findings.addAll(crawled.findings());
            facts.addAll(Facts.LINK_TARGETS, crawled.previewed());
            facts.addAll(Facts.ATTACHMENTS, crawled.attachments());
            results.add(crawled.brokenBeyondHome() > 0 ? CheckResult.failed(CRAWL) : CheckResult.passed(CRAWL));
        } catch (RuntimeException e) {
            LOG.warn("crawl failed on {}", site.url(), e);
            findings.add(new Finding(SiteCrawlPhase.LINKS, "crawl.errored", Severity.INFO, site.url(),
                    "检查未能完成（全站抓取）：" + e, List.of()));
            results.add(CheckResult.errored(CRAWL, e.toString(), List.of()));
        }
        results.addAll(pageRunner.results());
    }

    private static void keep(CheckRunner.Ran ran, List<Finding> findings, List<CheckResult> results) {
        findings.addAll(ran.findings());
        results.add(ran.result());
    }
}
