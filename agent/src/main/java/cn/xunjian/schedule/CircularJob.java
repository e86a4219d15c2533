package cn.xunjian.schedule;

import cn.xunjian.evidence.FileContent;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.report.Circular;
import cn.xunjian.report.CircularTemplate;
import cn.xunjian.report.CircularDocument;
import cn.xunjian.report.CircularWriter;
import cn.xunjian.report.DocumentFonts;
import cn.xunjian.report.DocxWriter;
import cn.xunjian.report.OfficialDocument;
import cn.xunjian.report.PdfWriter;
import cn.xunjian.report.Report;
import cn.xunjian.report.ReportHtmlWriter;
import cn.xunjian.report.ReportJsonWriter;
import cn.xunjian.model.Verdict;
import cn.xunjian.report.SiteReport;
import cn.xunjian.report.Summary;
import cn.xunjian.model.Account;
import cn.xunjian.model.AccountVerdict;
import cn.xunjian.model.Finding;
import cn.xunjian.score.CountedFindings;
import cn.xunjian.score.IndicatorCatalogue;
import cn.xunjian.score.Judgement;
import cn.xunjian.score.Scorer;
import cn.xunjian.store.FindingReviews;
import cn.xunjian.store.jdbc.JdbcResultStore;
import cn.xunjian.store.jdbc.StoredRun;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weekly batch 通报 over stored results: the latest completed run of every scheduled site, written as
 * report.json, report.html and the circular into {@code circulars/<stamp>/}. Sites without a completed run are left
 * out and logged.
 */
@DisallowConcurrentExecution
final class CircularJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(CircularJob.class);

    private final SiteRegistry sites;
    private final JdbcResultStore results;
    private final IndicatorCatalogue catalogue;
    private final Clock clock;
    private final Path outputDir;
    private final FindingReviews reviews;
    private final boolean reviewBeforePublish;

    CircularJob(SiteRegistry sites, JdbcResultStore results, IndicatorCatalogue catalogue, Clock clock,
                Path outputDir, FindingReviews reviews, boolean reviewBeforePublish) {
        this.reviews = reviews;
        this.reviewBeforePublish = reviewBeforePublish;
        this.sites = sites;
        this.results = results;
        this.catalogue = catalogue;
        this.clock = clock;
        this.outputDir = outputDir;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        Path out = write();
        LOG.info("weekly circular written to {}", out);
    }

    /** Writes the circular and returns its directory. */
    Path write() throws JobExecutionException {
        List<SiteReport> reported = new ArrayList<>();
        for (ScheduledSite site : sites.all()) {
            Optional<StoredRun> run = results.latestCompleted(site.site().url());
            if (run.isEmpty()) {
                LOG.info("circular: {} has no completed audit yet, left out", site.site().url());
                continue;
            }
            reported.add(reviewed(run.get()));
        }
        Report report = new Report(ShanghaiTime.iso(clock), Summary.of(reported), reported);
        Path dir = outputDir.resolve("circulars").resolve(ShanghaiTime.stamp(clock));
        Circular circular = Circular.of(report, catalogue, CircularTemplate.standard());
        CircularWriter circularWriter = new CircularWriter();
        try {
            Files.createDirectories(dir);
            write(dir, ReportJsonWriter.FILE, out -> new ReportJsonWriter().write(report, out));
            write(dir, ReportHtmlWriter.FILE,
                    out -> new ReportHtmlWriter(catalogue).write(report, Map.of(), dir, out));
            write(dir, CircularWriter.MARKDOWN, out -> circularWriter.writeMarkdown(circular, out));
            write(dir, CircularWriter.HTML, out -> circularWriter.writeHtml(circular, out));
            DocumentFonts fonts = DocumentFonts.standard();
            OfficialDocument document = CircularDocument.of(circular);
            write(dir, CircularWriter.DOCX, out -> new DocxWriter(fonts).write(document, out));
            write(dir, CircularWriter.PDF, out -> new PdfWriter(fonts).write(document, out));
        } catch (IOException e) {
            throw new JobExecutionException("cannot write circular into " + dir, e);
        }
        return dir;
    }

    /**
     * A stored run as the 通报 counts it: judged again over the findings that count after review (none marked 误报;
     * with 发布前需复核 only the confirmed), listing only those.
     */
    SiteReport reviewed(StoredRun r) {
        List<Finding> counted = CountedFindings.of(r.siteUrl(), results.findings(r.id()), reviews, reviewBeforePublish);
        Scorer scorer = new Scorer(catalogue);
        Judgement j = scorer.judge(counted);
        List<AccountVerdict> accounts = results.accounts(r.id());
        List<AccountVerdict> judged = scorer.judgeAccounts(accounts.stream()
                .map(a -> new Account(a.name(), a.platform(), a.url())).toList(), counted);
        return new SiteReport(r.siteName(), r.siteCode(), r.siteUrl(), j.verdict(), j.score(), counted, List.of(),
                judged);
    }

    /** The circular's files are a summary of stored runs, not evidence: they get no manifest. */
    private static void write(Path dir, String name, FileContent content) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)))) {
            content.writeTo(out);
        }
    }
}
