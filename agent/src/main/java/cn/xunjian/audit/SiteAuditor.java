package cn.xunjian.audit;

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
import cn.xunjian.check.Finding;
import cn.xunjian.check.ProbeRecord;
import cn.xunjian.check.SiteCheck;
import cn.xunjian.check.SiteContext;
import cn.xunjian.check.Severity;
import cn.xunjian.crawl.LinkChecker;
import cn.xunjian.evidence.Evidence;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.site.SiteFile;
import cn.xunjian.vision.OcrEngine;
import cn.xunjian.vision.QrDecoder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Audits one site: availability probes, then the page checks on the rendered home page. */
final class SiteAuditor {
    private final AuditSettings settings;
    private final BrowserRuntime browser;
    private final LinkChecker links;
    private final OcrEngine ocr;
    private final QrDecoder qr;
    private final List<Check> checks;
    private final List<SiteCheck> siteChecks;
    private final Clock clock;

    SiteAuditor(AuditSettings settings, BrowserRuntime browser, LinkChecker links, OcrEngine ocr, QrDecoder qr,
                List<Check> checks, List<SiteCheck> siteChecks, Clock clock) {
        this.settings = settings;
        this.browser = browser;
        this.links = links;
        this.ocr = ocr;
        this.qr = qr;
        this.checks = checks;
        this.siteChecks = siteChecks;
        this.clock = clock;
    }

    List<Finding> audit(SiteFile site, SiteEvidence evidence) throws InterruptedException {
        List<Finding> findings = new ArrayList<>();
        AvailabilityProbe probe = new AvailabilityProbe(settings.pageTimeout(), clock, settings.scope());
        Map<ProbeRecord, List<Evidence>> probeEvidence = new LinkedHashMap<>();
        ProbeRecord http = probe.http(site.url());
        probeEvidence.put(http, List.of(evidence.json("http", "probe-http", http, site.url())));
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
            findings.addAll(new AvailabilityCheck(settings.catalogue())
                    .judge(new ArrayList<>(probeEvidence.keySet()), probeEvidence));
            if (visit.record().ok() && visit.load() instanceof PageLoad.Loaded loaded) {
                CheckContext ctx = new CheckContext(site, loaded.page(), evidence, links, ocr, qr,
                        settings.catalogue(), clock);
                for (CheckOutcome outcome : new CheckRunner().run(checks, ctx)) {
                    findings.addAll(outcome.findings());
                }
                for (SiteCheck check : siteChecks) {
                    SiteContext siteContext = new SiteContext(site, loaded.page(), browser, evidence, settings, links,
                            ocr, qr, clock, findings);
                    findings.addAll(new CheckRunner().runSiteCheck(check, siteContext).findings());
                }
            } else {
                findings.add(new Finding(AvailabilityCheck.INDICATOR, "audit.incomplete", Severity.INFO, site.url(),
                        "首页未能打开，其余检查未执行", List.of()));
            }
        }
        return findings;
    }
}
