package cn.xunjian.schedule;

import cn.xunjian.evidence.FileContent;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.report.Circular;
import cn.xunjian.report.CircularTemplate;
import cn.xunjian.report.CircularWriter;
import cn.xunjian.report.Report;
import cn.xunjian.report.ReportHtmlWriter;
import cn.xunjian.report.ReportJsonWriter;
import cn.xunjian.model.Verdict;
import cn.xunjian.report.SiteReport;
import cn.xunjian.report.Summary;
import cn.xunjian.store.jdbc.StoredRun;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
public final class CircularJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(CircularJob.class);

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        ServeServices s = ServeServices.of(context);
        Path out = write(s);
        LOG.info("weekly circular written to {}", out);
    }

    /** Writes the circular and returns its directory. */
    static Path write(ServeServices s) throws JobExecutionException {
        List<SiteReport> sites = new ArrayList<>();
        for (ScheduledSite site : s.sites().values()) {
            Optional<StoredRun> run = s.results().latestCompleted(site.site().url());
            if (run.isEmpty()) {
                LOG.info("circular: {} has no completed audit yet, left out", site.site().url());
                continue;
            }
            StoredRun r = run.get();
            sites.add(new SiteReport(r.siteName(), r.siteCode(), r.siteUrl(), Verdict.fromLabel(r.verdict()),
                    r.score(), s.results().findings(r.id())));
        }
        Report report = new Report(ShanghaiTime.iso(s.clock()), Summary.of(sites), sites);
        Path dir = s.schedule().outputDir().resolve("circulars").resolve(ShanghaiTime.stamp(s.clock()));
        Circular circular = Circular.of(report, s.auditSettings().catalogue(), CircularTemplate.standard());
        CircularWriter circularWriter = new CircularWriter();
        try {
            Files.createDirectories(dir);
            write(dir, ReportJsonWriter.FILE, out -> new ReportJsonWriter().write(report, out));
            write(dir, ReportHtmlWriter.FILE,
                    out -> new ReportHtmlWriter(s.auditSettings().catalogue()).write(report, Map.of(), dir, out));
            write(dir, CircularWriter.MARKDOWN, out -> circularWriter.writeMarkdown(circular, out));
            write(dir, CircularWriter.HTML, out -> circularWriter.writeHtml(circular, out));
        } catch (IOException e) {
            throw new JobExecutionException("cannot write circular into " + dir, e);
        }
        return dir;
    }

    /** The circular's files are a summary of stored runs, not evidence: they get no manifest. */
    private static void write(Path dir, String name, FileContent content) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)))) {
            content.writeTo(out);
        }
    }
}
