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
import cn.xunjian.check.CheckRunner;
import cn.xunjian.check.Facts;
import cn.xunjian.check.HomePageCheck;
import cn.xunjian.check.PageCheck;
import cn.xunjian.check.PageCheckRunner;
import cn.xunjian.check.PageContext;
import cn.xunjian.check.SiteCheck;
import cn.xunjian.check.SiteContext;
import cn.xunjian.crawl.HttpPageSource;
import cn.xunjian.crawl.LinkChecker;
import cn.xunjian.crawl.LinkStatus;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.model.CheckResult;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.FindingIds;
import cn.xunjian.model.ProbeRecord;
import cn.xunjian.model.Severity;
import cn.xunjian.model.SitePage;
import cn.xunjian.net.HttpStack;
import cn.xunjian.site.SiteFile;
import cn.xunjian.vision.OcrEngine;
import cn.xunjian.vision.QrDecoder;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one check of an audit again, on one page, with what an audit uses: the same registry of checks, one HTTP
 * stack built from the same settings (scope checked on every hop), Chromium with the desktop profile, the same OCR
 * and QR. The unit each kind of check is run on:
 * <ul>
 * <li>a {@link HomePageCheck} on the rendered home page;</li>
 * <li>a {@link PageCheck} on the one page, fetched over HTTP as the crawl fetches it (and rendered for a
 * screenshot);</li>
 * <li>a {@link SiteCheck} on the whole site, since that is the narrowest unit its contract has: the home-page checks
 * run first only to establish the facts it reads (their findings are dropped), the crawl runs without page checks to
 * collect the pages and attachments it reads, then the one check;</li>
 * <li>availability: the HTTP and the browser probe of the home page, judged as in an audit.</li>
 * </ul>
 * A link the crawl found broken beyond the home page is checked again on the page it was found on
 * ({@link #rerunLink}). The crawl's other findings and the notes of the audit itself are not re-run one by one:
 * {@link NotRun} says so.
 */
public final class CheckRerun {
    private final AuditSettings settings;
    private final Clock clock;
    private final OcrEngine ocr;
    private final QrDecoder qr;
    private final AuditServices services;
    private final CheckRunner runner = new CheckRunner();

    public CheckRerun(AuditSettings settings, Clock clock, OcrEngine ocr, QrDecoder qr, AuditServices services) {
        this.settings = settings;
        this.clock = clock;
        this.ocr = ocr;
        this.qr = qr;
        this.services = services;
    }

    /** What running the check again came to. */
    public sealed interface Result permits Ran, NotRun {
    }

    /**
     * The check ran to its end.
     *
     * @param result its outcome (passed or failed; never errored, that is {@link NotRun})
     * @param findings its findings, identified as an audit identifies them ({@link FindingIds})
     * @param page the page it ran on, as it finally answered
     */
    public record Ran(CheckResult result, List<Finding> findings, String page) implements Result {
        public Ran {
            findings = List.copyOf(findings);
        }
    }

    /** The check could not run or did not complete; {@code reason} says why, in Chinese. */
    public record NotRun(String reason) implements Result {
    }

    /**
     * Runs the check {@code checkName} (a name of {@link CheckKinds}) again on {@code pageUrl} of {@code site},
     * keeping the evidence it takes in {@code evidence}.
     */
    public Result rerun(SiteFile site, String checkName, String pageUrl, SiteEvidence evidence)
            throws InterruptedException {
        Optional<Check> check = CheckRegistry.standard(services).stream().filter(c -> c.name().equals(checkName))
                .findFirst();
        boolean availability = checkName.equals(SiteAuditor.AVAILABILITY);
        if (check.isEmpty() && !availability) {
            return new NotRun("“" + checkName + "”类问题由全站巡检整体得出，不能单独复验，请重新巡检该网站");
        }
        return within(site, (http, browser, links, session) -> {
            AvailabilityProbe probe = new AvailabilityProbe(http, settings.pageTimeout(), clock);
            if (availability) {
                return availability(site, probe, session, evidence);
            }
            AvailabilityProbe.BrowserVisit visit = probe.browser(session, site.url());
            if (!(visit.record().ok() && visit.load() instanceof PageLoad.Loaded loaded)) {
                if (visit.load() instanceof PageLoad.NotLoaded failed && failed.screenshot().length > 0) {
                    evidence.screenshot("home-failed", failed.screenshot(), site.url());
                }
                evidence.json("http", "probe-browser", visit.record(), site.url());
                return new NotRun("首页未能打开（" + visit.record().reason() + "），检查无法运行");
            }
            AuditPage home = loaded.page();
            evidence.screenshot("home-full", home.screenshot(), loaded.url());
            evidence.html("home-source", home.html(), loaded.url());
            Facts facts = new Facts();
            CheckContext homeContext = new CheckContext(site, home, evidence, links, ocr, qr, clock, facts);
            SessionRenderer renderer = new SessionRenderer(session, settings.pageTimeout(),
                    settings.limits().renderBudget());
            renderer.remember(loaded.url(), home);
            renderer.remember(site.url(), home);
            Check c = check.get();
            if (c instanceof HomePageCheck homeCheck) {
                return judged(site, runner.run(homeCheck, homeContext), loaded.url());
            }
            try (HttpPageSource pages = new HttpPageSource(settings.crawlLimits(), http,
                    settings.limits().pageCacheChars())) {
                if (c instanceof PageCheck pageCheck) {
                    return page(site, pageCheck, pageUrl, pages, renderer, evidence, loaded.url());
                }
                return whole(site, (SiteCheck) c, home, homeContext, browser, http, links, pages, renderer,
                        evidence);
            }
        });
    }

    /**
     * Checks a link the crawl found broken beyond the home page again, on the page it was found on: the page is
     * fetched and rendered, and the link checked as the crawl checks links. Still on the page and still broken is
     * the finding again; a link that now works is gone; a broken link no longer on that page is undetermined, since
     * other pages of the site may still link it and only a crawl would tell.
     *
     * @param linkUrl the broken link (the finding's URL)
     * @param foundOn the page the crawl found it on
     */
    public Result rerunLink(SiteFile site, String linkUrl, String foundOn, SiteEvidence evidence)
            throws InterruptedException {
        if (foundOn == null || foundOn.isEmpty()) {
            return new NotRun("原巡检的证据中没有该链接所在的页面，无法单独复验，请重新巡检该网站");
        }
        return within(site, (http, browser, links, session) -> {
            SessionRenderer renderer = new SessionRenderer(session, settings.pageTimeout(),
                    settings.limits().renderBudget());
            Optional<SitePage> source;
            try (HttpPageSource pages = new HttpPageSource(settings.crawlLimits(), http,
                    settings.limits().pageCacheChars())) {
                source = pages.fetch(foundOn);
            }
            if (source.isEmpty()) {
                return new NotRun("链接所在页面 " + foundOn + " 无法获取，检查无法运行");
            }
            evidence.html("page-source", source.get().html(), source.get().url());
            renderer.render(source.get().url()).ifPresent(p -> evidence.screenshot("page-full", p.screenshot(),
                    p.url()));
            LinkStatus status = links.check(List.of(linkUrl)).get(linkUrl);
            Evidence checked = evidence.json("http", "link-recheck", status, linkUrl);
            if (status.skipped() || status.unverified() != null || status.guarded()) {
                return new NotRun("链接 " + linkUrl + " " + status.describe());
            }
            if (!status.broken()) {
                return new Ran(CheckResult.passed(SiteAuditor.CRAWL), List.of(), source.get().url());
            }
            if (!PageLinkTargets.of(source.get()).contains(withoutFragment(linkUrl))) {
                return new NotRun("链接已不在 " + foundOn + " 上，但该地址仍不可用（" + status.describe()
                        + "），网站其他页面可能仍有此链接，请重新巡检该网站");
            }
            Finding again = Finding.about(SiteCrawlPhase.LINKS, "link.broken", Severity.DEDUCT, linkUrl, linkUrl,
                    "页面链接仍不可用：" + linkUrl + "（" + status.describe() + "），位于 " + foundOn,
                    List.of(checked));
            return new Ran(CheckResult.failed(SiteAuditor.CRAWL), FindingIds.assign(site.url(), List.of(again)),
                    source.get().url());
        });
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** What runs inside an audit's stack and browser for one site. */
    @FunctionalInterface
    private interface Body {
        Result run(HttpStack http, BrowserRuntime browser, LinkChecker links, BrowserSession session)
                throws InterruptedException;
    }

    /** The stack, browser and link checker of an audit, set up for {@code site} as an audit sets them up. */
    private Result within(SiteFile site, Body body) throws InterruptedException {
        String host = URI.create(site.url()).getHost();
        try (HttpStack http = settings.newHttpStack();
             BrowserRuntime browser = BrowserRuntime.start(settings.scope());
             LinkChecker links = new LinkChecker(http, settings.pageTimeout(), 16)) {
            settings.probeReachability(http);
            http.reachability().home(host);
            if (site.userAgent() != null) {
                http.identify(host, site.userAgent());
            }
            try (BrowserSession session = browser.openSession(DeviceProfile.DESKTOP)) {
                return body.run(http, browser, links, session);
            }
        }
    }

    private Result availability(SiteFile site, AvailabilityProbe probe, BrowserSession session,
                                SiteEvidence evidence) throws InterruptedException {
        Map<ProbeRecord, List<Evidence>> probes = new LinkedHashMap<>();
        ProbeRecord plain = probe.http(site.url());
        probes.put(plain, List.of(evidence.json("http", "probe-http", plain, site.url())));
        AvailabilityProbe.BrowserVisit visit = probe.browser(session, site.url());
        List<Evidence> visitEvidence = new ArrayList<>();
        visitEvidence.add(evidence.json("http", "probe-browser", visit.record(), site.url()));
        if (visit.load() instanceof PageLoad.Loaded loaded) {
            visitEvidence.add(evidence.screenshot("home-full", loaded.page().screenshot(), loaded.url()));
            visitEvidence.add(evidence.html("home-source", loaded.page().html(), loaded.url()));
        } else if (visit.load() instanceof PageLoad.NotLoaded failed && failed.screenshot().length > 0) {
            visitEvidence.add(evidence.screenshot("home-failed", failed.screenshot(), site.url()));
        }
        probes.put(visit.record(), visitEvidence);
        return judged(site, CheckRunner.outcome(SiteAuditor.AVAILABILITY,
                new AvailabilityCheck(settings.catalogue().availability()).judge(new ArrayList<>(probes.keySet()),
                        probes)), site.url());
    }

    private Result page(SiteFile site, PageCheck check, String url, HttpPageSource pages, SessionRenderer renderer,
                        SiteEvidence evidence, String homeUrl) {
        Optional<SitePage> fetched = pages.fetch(url);
        if (fetched.isEmpty()) {
            return new NotRun("页面 " + url + " 无法获取（无法访问、返回错误或不是网页），检查无法运行");
        }
        SitePage page = fetched.get();
        boolean home = page.url().equals(homeUrl) || page.url().equals(site.url());
        page = new SitePage(page.url(), page.html(), home ? 0 : page.depth());
        evidence.html("page-source", page.html(), page.url());
        renderer.render(page.url()).ifPresent(p -> evidence.screenshot("page-full", p.screenshot(), p.url()));
        PageCheckRunner one = new PageCheckRunner(List.of(check), new PageContext(site, evidence, renderer, clock));
        List<Finding> findings = one.run(page);
        List<Finding> errors = one.errors();
        if (!errors.isEmpty()) {
            return new NotRun(errors.get(0).message());
        }
        return judged(site, CheckRunner.outcome(check.name(), findings), page.url());
    }

    private Result whole(SiteFile site, SiteCheck check, AuditPage home, CheckContext homeContext,
                         BrowserRuntime browser, HttpStack http, LinkChecker links, HttpPageSource pages,
                         SessionRenderer renderer, SiteEvidence evidence) throws InterruptedException {
        Facts facts = homeContext.facts();
        for (Check c : CheckRegistry.standard(services)) {
            if (c instanceof HomePageCheck homeCheck) {
                runner.run(homeCheck, homeContext);
            }
        }
        PageCheckRunner none = new PageCheckRunner(List.of(), new PageContext(site, evidence, renderer, clock));
        try {
            SiteCrawlPhase.Crawled crawled = new SiteCrawlPhase(settings, http).run(site.url(), none, pages,
                    renderer, evidence);
            facts.addAll(Facts.LINK_TARGETS, crawled.previewed());
            facts.addAll(Facts.ATTACHMENTS, crawled.attachments());
        } catch (RuntimeException e) {
            return new NotRun("全站抓取未能完成（" + e + "），检查无法运行");
        }
        SiteContext context = new SiteContext(site, home, browser, evidence, settings.scope(), http,
                settings.pageTimeout(), links, pages, renderer, ocr, qr, clock, facts);
        return judged(site, runner.run(check, context), site.url());
    }

    private static Result judged(SiteFile site, CheckRunner.Ran ran, String page) {
        if (ran.result().outcome() == CheckResult.Outcome.ERRORED) {
            return new NotRun("检查未能完成：" + ran.result().error());
        }
        return new Ran(ran.result(), FindingIds.assign(site.url(), ran.findings()), page);
    }
}
