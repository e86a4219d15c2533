package cn.xunjian.audit;

import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.crawl.LinkChecker;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.history.SiteHistory;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.evidence.CaptureEnvironment;
import cn.xunjian.evidence.RunSealer;
import cn.xunjian.internal.Json;
import com.fasterxml.jackson.core.JsonGenerator;
import cn.xunjian.evidence.SealOutcome;
import cn.xunjian.net.HttpEventListener;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.RetryPolicy;
import cn.xunjian.report.EvidenceState;
import cn.xunjian.net.Reachability;
import cn.xunjian.report.Circular;
import cn.xunjian.report.CircularTemplate;
import cn.xunjian.report.CircularDocument;
import cn.xunjian.report.CircularWriter;
import cn.xunjian.report.DocumentFonts;
import cn.xunjian.report.DocxWriter;
import cn.xunjian.report.OfficialDocument;
import cn.xunjian.report.PdfWriter;
import cn.xunjian.report.ProblemLines;
import cn.xunjian.report.RectificationNotice;
import cn.xunjian.report.FindingsCsvWriter;
import cn.xunjian.report.Report;
import cn.xunjian.report.ReportHtmlWriter;
import cn.xunjian.report.ReportJsonWriter;
import cn.xunjian.report.SiteReport;
import cn.xunjian.report.Summary;
import cn.xunjian.score.CountedFindings;
import cn.xunjian.score.Scorer;
import cn.xunjian.score.Judgement;
import cn.xunjian.model.CheckResult;
import cn.xunjian.model.FindingIds;
import cn.xunjian.site.SiteFile;
import cn.xunjian.vision.OcrEngine;
import cn.xunjian.vision.QrDecoder;
import cn.xunjian.vision.TesseractOcrEngine;
import cn.xunjian.vision.ZxingQrDecoder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits a batch of sites one after another into a run directory: evidence, report.json, report.html, the
 * 通报 (circular.md, circular.html, circular.docx, circular.pdf), an 整改通知书 per failing site
 * (rectification/<网站标识码>.docx and .pdf), findings.csv and manifest.json. A site that cannot be reached, or a check that throws, becomes findings; the batch goes on.
 */
public final class Auditor {
    private static final Logger LOG = LoggerFactory.getLogger(Auditor.class);
    /** Screenshots shown in one 整改通知书; every finding still names its evidence files and their hashes. */
    private static final int MAX_THUMBNAILS = 12;

    private final AuditSettings settings;
    private final Clock clock;
    private final OcrEngine ocr;
    private final QrDecoder qr;
    private final AuditServices services;

    public Auditor(AuditSettings settings, Clock clock) {
        this(settings, clock, AuditServices.standalone());
    }

    public Auditor(AuditSettings settings, Clock clock, AuditServices services) {
        this(settings, clock, new TesseractOcrEngine(), new ZxingQrDecoder(), services);
    }

    public Auditor(AuditSettings settings, Clock clock, OcrEngine ocr, QrDecoder qr) {
        this(settings, clock, ocr, qr, AuditServices.standalone());
    }

    public Auditor(AuditSettings settings, Clock clock, OcrEngine ocr, QrDecoder qr, AuditServices services) {
        this.settings = settings;
        this.clock = clock;
        this.ocr = ocr;
        this.qr = qr;
        this.services = services;
    }

    /** Runs the audit and writes every output into {@code runDir}. */
    public Report audit(List<SiteFile> sites, Path runDir, ProgressListener progress)
            throws IOException, InterruptedException {
        EvidenceStore store = new EvidenceStore(runDir, clock);
        String generatedAt = ShanghaiTime.iso(clock);
        Scorer scorer = new Scorer(settings.catalogue());
        List<SiteReport> reports = new ArrayList<>();
        Map<String, SiteHistory> histories = new LinkedHashMap<>();
        SiteHistories past = new SiteHistories(services, settings.catalogue(), clock);
        try (HttpStack http = settings.newHttpStack();
             BrowserRuntime browser = BrowserRuntime.start(settings.scope(), settings.proxies());
             LinkChecker links = new LinkChecker(http, settings.pageTimeout(), 16)) {
            CaptureEnvironment environment = new CaptureEnvironmentRecorder(settings.scope(), settings.pageTimeout(),
                    clock, settings.evidence().ntp(), CaptureEnvironmentRecorder.proxies(settings.proxies()))
                    .record(sites, browser.browserVersion(), http);
            store.writeRecord(CaptureEnvironment.FILE, "environment",
                    out -> Json.mapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out,
                            environment));
            Reachability.Outside outside = settings.probeReachability(http);
            LOG.info("reachability of the outside from this machine: {}", outside);
            SiteAuditor auditor = new SiteAuditor(settings, browser, http, links, ocr, qr,
                    CheckRegistry.standard(services), clock);
            for (int i = 0; i < sites.size(); i++) {
                SiteFile site = sites.get(i);
                progress.siteStarted(i + 1, sites.size(), site);
                SiteEvidence evidence = new SiteEvidence(store, String.format(Locale.ROOT, "site-%02d", i + 1));
                SiteAudit audited;
                try {
                    audited = auditor.audit(site, evidence);
                } catch (RuntimeException e) {
                    LOG.warn("audit of {} failed", site.url(), e);
                    audited = new SiteAudit(List.of(new Finding("W-V2", "audit.errored", Severity.INFO, site.url(),
                            "巡检过程出错，本站结果不完整：" + e, List.of())),
                            List.of(CheckResult.errored("audit", e.toString(), List.of())), List.of(), null);
                }
                List<Finding> findings = FindingIds.assign(site.url(), audited.findings());
                Optional<SiteHistories.Result> withPast = past.apply(site, findings);
                if (withPast.isPresent()) {
                    findings = withPast.get().findings();
                    histories.put(site.url(), withPast.get().history());
                }
                List<Finding> counted = CountedFindings.of(site.url(), findings, services.reviews(), false);
                Judgement judgement = scorer.judge(counted);
                SiteReport report = new SiteReport(site.name(), site.siteCode(), site.url(), judgement.verdict(),
                        judgement.score(), findings, audited.checks(),
                        scorer.judgeAccounts(audited.accounts(), counted), audited.timings());
                reports.add(report);
                progress.siteFinished(report);
            }
        }
        Report report = new Report(generatedAt, Summary.of(reports), reports);
        try (HttpStack http = HttpStack.builder(settings.scope()).timeout(settings.pageTimeout())
                .listener(HttpEventListener.debugLog()).build()) {
            RunSealer sealer = settings.evidence().sealer(http, RetryPolicy.Pause.REAL, clock);
            // the evidence is sealed before the reports are written, so that each report can say how
            SealOutcome evidenceSeal = sealer.sealEvidence(store);
            writeOutputs(report, histories, store, evidenceSeal);
            SealOutcome runSeal = sealer.sealRun(store, evidenceSeal);
            LOG.info("evidence sealed: {} / {}", evidenceSeal.describe(), runSeal.describe());
        }
        return report;
    }

    /** Writes each output once, through the store, which hashes it for the manifest as it is written. */
    private void writeOutputs(Report report, Map<String, SiteHistory> histories, EvidenceStore store,
                              SealOutcome evidenceSeal) throws IOException {
        ProblemLines lines = ProblemLines.standard();
        Circular circular = Circular.of(report, settings.catalogue(), CircularTemplate.standard(), settings.circular(),
                lines);
        CircularWriter circularWriter = new CircularWriter();
        EvidenceState state = EvidenceState.of(evidenceSeal, store.entries());
        DocumentFonts fonts = DocumentFonts.standard();
        DocxWriter docx = new DocxWriter(fonts);
        PdfWriter pdf = new PdfWriter(fonts);
        store.writeReport(ReportJsonWriter.FILE, out -> new ReportJsonWriter().write(report, out));
        store.writeReport(ReportHtmlWriter.FILE,
                out -> new ReportHtmlWriter(settings.catalogue()).write(report, histories, store.runDir(), state, out));
        store.writeReport(CircularWriter.MARKDOWN, out -> circularWriter.writeMarkdown(circular, out));
        store.writeReport(CircularWriter.HTML, out -> circularWriter.writeHtml(circular, out));
        OfficialDocument document = CircularDocument.of(circular);
        store.writeReport(CircularWriter.DOCX, out -> docx.write(document, out));
        store.writeReport(CircularWriter.PDF, out -> pdf.write(document, out));
        RectificationNotice notices = new RectificationNotice(settings.catalogue(), lines, MAX_THUMBNAILS);
        for (int i = 0; i < report.sites().size(); i++) {
            SiteReport site = report.sites().get(i);
            if (site.passed()) {
                continue;
            }
            OfficialDocument notice = notices.of(site, report.generatedAt(), circular.masthead(), circular.issuer(),
                    store.runDir());
            String base = RectificationNotice.DIR + "/" + RectificationNotice.baseName(site, i + 1);
            store.writeReport(base + ".docx", out -> docx.write(notice, out));
            store.writeReport(base + ".pdf", out -> pdf.write(notice, out));
        }
        store.writeReport(FindingsCsvWriter.FILE, out -> new FindingsCsvWriter(settings.catalogue()).write(report, out));
    }

    /** Told as each site starts and ends, for progress output. */
    public interface ProgressListener {
        ProgressListener NONE = new ProgressListener() {
        };

        default void siteStarted(int index, int total, SiteFile site) {
        }

        default void siteFinished(SiteReport report) {
        }
    }
}
