package cn.xunjian.report;

import cn.xunjian.history.SiteHistory;
import cn.xunjian.internal.HtmlTemplates;
import cn.xunjian.model.AccountVerdict;
import cn.xunjian.model.CheckResult;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.model.Verdict;
import cn.xunjian.newmedia.NewMediaRules;
import cn.xunjian.report.ReportPage.CheckTally;
import cn.xunjian.report.ReportPage.ErroredCheck;
import cn.xunjian.report.ReportPage.EvidenceLink;
import cn.xunjian.report.ReportPage.FindingItem;
import cn.xunjian.report.ReportPage.FindingRef;
import cn.xunjian.report.ReportPage.IndicatorGroup;
import cn.xunjian.report.ReportPage.IndicatorRow;
import cn.xunjian.report.ReportPage.NewMediaRow;
import cn.xunjian.report.ReportPage.SiteAccount;
import cn.xunjian.report.ReportPage.SitePart;
import cn.xunjian.report.ReportPage.SummaryRow;
import cn.xunjian.score.Indicator;
import cn.xunjian.score.IndicatorCatalogue;
import cn.xunjian.vision.ImageScaling;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * Writes report.html: one self-contained file (styles inline, thumbnails embedded as data URIs) that opens
 * offline; each thumbnail links to the full evidence file beside it in the run directory. The page is laid out by
 * the template {@code report/report.jte}.
 */
public final class ReportHtmlWriter {
    public static final String FILE = "report.html";
    private static final int THUMB = 360;

    private final IndicatorCatalogue catalogue;
    private final NewMediaRules newMedia = NewMediaRules.standard();

    public ReportHtmlWriter(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * Writes the report; a site with a history (under the daemon: the stored week of probes and the previous run)
     * gains its availability week, chart and forecast, and each finding a 新发现 / 仍存在 mark.
     *
     * @param histories by site URL
     * @param runDir where the evidence files the findings name are, for their thumbnails
     * @param out receives the page as UTF-8; left open
     */
    public void write(Report report, Map<String, SiteHistory> histories, Path runDir, OutputStream out)
            throws IOException {
        write(report, histories, runDir, EvidenceState.NONE, out);
    }

    /**
     * Writes the report with each finding's capture time and the seal of the run's evidence (signed, stamped, or
     * why not) under it.
     */
    public void write(Report report, Map<String, SiteHistory> histories, Path runDir, EvidenceState state,
                      OutputStream out) throws IOException {
        HtmlTemplates.render("report/report.jte", page(report, histories, runDir, state), out);
    }

    ReportPage page(Report report, Map<String, SiteHistory> histories, Path runDir) {
        return page(report, histories, runDir, EvidenceState.NONE);
    }

    ReportPage page(Report report, Map<String, SiteHistory> histories, Path runDir, EvidenceState state) {
        List<SummaryRow> rows = new ArrayList<>();
        List<SitePart> sites = new ArrayList<>();
        for (int i = 0; i < report.sites().size(); i++) {
            SiteReport site = report.sites().get(i);
            long problems = site.findings().stream().filter(f -> f.severity() != Severity.INFO
                    && !catalogue.aboutNewMedia(f.indicator())).count();
            rows.add(new SummaryRow(i + 1, site.name(), orDash(site.siteCode()), site.verdict(), score(site), problems));
            sites.add(site(site, i + 1, runDir, histories.get(site.url()), state));
        }
        List<NewMediaAccounts.Account> accounts = NewMediaAccounts.of(report);
        List<NewMediaRow> newMediaRows = new ArrayList<>();
        for (NewMediaAccounts.Account a : accounts) {
            String problems = a.problems().stream().map(Finding::message).collect(Collectors.joining("；"));
            newMediaRows.add(new NewMediaRow(newMediaRows.size() + 1, a.name(), a.url(), a.site(),
                    Verdict.of(a.passed()), problems.isEmpty() ? "无" : problems));
        }
        return new ReportPage(report.generatedAt(), report.summary(), rows, byIndicator(report),
                accounts.isEmpty() ? null : NewMediaAccounts.summary(accounts), newMediaRows, sites);
    }

    /** The batch by indicator: how many sites and problems each indicator caught, as the 通报 groups them. */
    private List<IndicatorRow> byIndicator(Report report) {
        List<IndicatorRow> rows = new ArrayList<>();
        for (Indicator ind : catalogue.indicators()) {
            long sites = 0;
            long problems = 0;
            for (SiteReport site : report.sites()) {
                long n = site.findings().stream()
                        .filter(f -> f.indicator().equals(ind.id()) && f.severity() != Severity.INFO).count();
                sites += n > 0 ? 1 : 0;
                problems += n;
            }
            if (problems > 0) {
                rows.add(new IndicatorRow(ind.id(), ind.name(), typeLabel(ind.type()), sites, problems));
            }
        }
        return rows;
    }

    private static String typeLabel(String type) {
        return switch (type) {
            case "veto" -> "单项否决";
            case "deduct" -> "扣分";
            default -> "提示";
        };
    }

    private SitePart site(SiteReport site, int index, Path runDir, SiteHistory history, EvidenceState state) {
        List<IndicatorGroup> groups = new ArrayList<>();
        for (Indicator ind : catalogue.indicators()) {
            List<Finding> fs = site.findings().stream().filter(f -> f.indicator().equals(ind.id()))
                    // problems first, the gravest on top; what was checked and found in order comes last
                    .sorted(Comparator.comparing(Finding::severity)).toList();
            if (fs.isEmpty()) {
                continue;
            }
            long problems = fs.stream().filter(f -> f.severity() != Severity.INFO).count();
            List<FindingItem> items = fs.stream().map(f -> new FindingItem(f,
                    history == null ? null : history.changeOf(f).orElse(null), evidence(f.evidence(), runDir),
                    state.capturedAt(f.evidence()), f.evidence().isEmpty() ? null : state.line())).toList();
            groups.add(new IndicatorGroup(ind.id(), ind.name(), problems, items));
        }
        List<ErroredCheck> errored = site.checks().stream()
                .filter(c -> c.outcome() == CheckResult.Outcome.ERRORED)
                .map(c -> new ErroredCheck(c, evidence(c.evidence(), runDir))).toList();
        Map<String, Finding> byId = site.findings().stream()
                .collect(Collectors.toMap(Finding::id, Function.identity(), (a, b) -> a));
        List<SiteAccount> accounts = new ArrayList<>();
        for (AccountVerdict a : site.accounts()) {
            List<FindingRef> refs = a.findings().stream().map(id -> Optional.ofNullable(byId.get(id))
                    .map(f -> new FindingRef(SitePart.anchor(index, f.id()), f.message()))
                    .orElse(new FindingRef(null, id))).toList();
            accounts.add(new SiteAccount(a, newMedia.platformName(a.platform()), refs));
        }
        return new SitePart(index, site, orDash(site.siteCode()), score(site), history, groups,
                CheckTally.of(site.checks()), errored, accounts);
    }

    private static List<EvidenceLink> evidence(List<Evidence> evidence, Path runDir) {
        return evidence.stream().map(e -> new EvidenceLink(e,
                isImage(e) ? thumbnail(runDir.resolve(e.path())).orElse(null) : null)).toList();
    }

    private static boolean isImage(Evidence e) {
        return e.path().endsWith(".png") || e.path().endsWith(".jpg");
    }

    private static Optional<String> thumbnail(Path file) {
        try {
            Optional<BufferedImage> img = ImageScaling.decode(Files.readAllBytes(file));
            if (img.isEmpty()) {
                return Optional.empty();
            }
            BufferedImage small = ImageScaling.scale(img.get(),
                    Math.min(1.0, (double) THUMB / Math.max(1, img.get().getWidth())));
            if (small.getHeight() > THUMB * 2) {
                small = small.getSubimage(0, 0, small.getWidth(), THUMB * 2);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(small, "jpg", out);
            return Optional.of("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(out.toByteArray()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String score(SiteReport site) {
        return site.score() == null ? "—（单项否决）" : String.format(Locale.ROOT, "%.2f", site.score());
    }

    private static String orDash(String s) {
        return s == null ? "—" : s;
    }
}
