package cn.xunjian.report;

import cn.xunjian.model.Finding;
import cn.xunjian.score.IndicatorCatalogue;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The content of a 通报 built from a report: totals and 合格率, the main problems by section (信息更新不及时,
 * 内容审核不够严格…) with each site's problems named as circulars name them ({@link ProblemLines}), and the annex
 * rows (序号 | 网站名称 | 网站标识码 | 存在问题). When the batch had new-media accounts, their totals follow the
 * websites', each account judged on its own, their problems are a section of their own, and a second annex
 * (序号 | 账号名称 | 账号类型 | 开设主体 | 存在问题) lists the failing ones. Writers render it as Markdown, HTML, DOCX
 * and PDF.
 *
 * @param newMediaTotals the new-media totals sentence, empty when the batch had no accounts
 */
public record Circular(Masthead masthead, String title, String issuer, String date, String intro, String totals,
                       List<ProblemGroup> problems, List<String> requirements, String annexTitle, List<AnnexRow> annex,
                       String newMediaTotals, String newMediaAnnexTitle, List<NewMediaAnnexRow> newMediaAnnex) {

    /**
     * What stands around the text in a 公文: the red 发文机关标志, the 发文字号, the 主送机关, the 整改期限 and where
     * 整改情况 goes; {@code period} is what the circular covers, e.g. 2026年第四季度.
     */
    public record Masthead(String issuerMark, String documentNumber, String recipients, String deadline,
                           String replyTo, String period) {
    }

    /** One section of 存在的主要问题 and, per site (or account), its problems of that section in one sentence. */
    public record ProblemGroup(String heading, List<String> entries) {
        public ProblemGroup {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One row of the annex table: a site with problems, named one by one; {@code lines} are the problems each as one
     * line (veto lines marked), {@code problems} them joined as the cell shows them.
     */
    public record AnnexRow(int number, String name, String siteCode, List<String> lines) {
        public AnnexRow {
            lines = List.copyOf(lines);
        }

        public String problems() {
            return String.join("；", lines);
        }
    }

    /** One row of the new-media annex: a failing account. */
    public record NewMediaAnnexRow(int number, String account, String type, String owner, List<String> lines) {
        public NewMediaAnnexRow {
            lines = List.copyOf(lines);
        }

        public String problems() {
            return String.join("；", lines);
        }
    }

    public static Circular of(Report report, IndicatorCatalogue catalogue, CircularTemplate template) {
        return of(report, catalogue, template, CircularSettings.standard(), ProblemLines.standard());
    }

    /** The circular of a report generated at {@code report.generatedAt()}, which also dates its period and 期限. */
    public static Circular of(Report report, IndicatorCatalogue catalogue, CircularTemplate template,
                              CircularSettings settings, ProblemLines lines) {
        OffsetDateTime at = OffsetDateTime.parse(report.generatedAt());
        String date = chineseDate(at.toLocalDate());
        String period = period(at.toLocalDate(), settings.period());
        String deadline = chineseDate(at.toLocalDate().plusDays(settings.deadlineDays()));
        Summary s = report.summary();
        List<NewMediaAccounts.Account> accounts = NewMediaAccounts.of(report);
        String title = template.title().replace("{period}", period)
                .replace("{subjects}", accounts.isEmpty() ? "政府网站" : "政府网站与政务新媒体");
        List<String> requirements = template.requirements().stream()
                .map(r -> r.replace("{deadline}", deadline).replace("{replyTo}", settings.replyTo())).toList();
        Masthead masthead = new Masthead(settings.issuerMark(), settings.documentNumber(at.getYear()),
                settings.recipientLine(), deadline, settings.replyTo(), period);
        String intro = template.intro().replace("{date}", date).replace("{checked}", String.valueOf(s.checked()));
        String totals = String.format(Locale.ROOT, "本次共检查政府网站%d家，合格%d家，不合格%d家，合格率为%s。",
                s.checked(), s.passed(), s.checked() - s.passed(), s.percent());
        List<String> failed = report.sites().stream().filter(r -> !r.passed()).map(SiteReport::name).toList();
        if (!failed.isEmpty()) {
            totals += "不合格网站：" + String.join("、", failed) + "。";
        }
        Map<SiteReport, List<ProblemLines.Line>> bySite = new LinkedHashMap<>();
        for (SiteReport site : report.sites()) {
            List<Finding> ofSite = site.findings().stream()
                    .filter(f -> !catalogue.indicator(f.indicator()).newMedia()).toList();
            bySite.put(site, lines.of(site.url(), ofSite));
        }
        Map<NewMediaAccounts.Account, List<ProblemLines.Line>> byAccount = new LinkedHashMap<>();
        for (NewMediaAccounts.Account a : accounts) {
            byAccount.put(a, lines.of(a.url(), a.problems()));
        }
        return new Circular(masthead, title, settings.signer(), date, intro, totals, groups(bySite, byAccount, lines),
                requirements, template.annexTitle(), annex(bySite), newMediaTotals(accounts),
                template.newMediaAnnexTitle(), newMediaAnnex(byAccount, lines.phrases()));
    }

    private static String newMediaTotals(List<NewMediaAccounts.Account> accounts) {
        if (accounts.isEmpty()) {
            return "";
        }
        Summary tally = NewMediaAccounts.summary(accounts);
        String text = String.format(Locale.ROOT, "检查政务新媒体（含小程序、网页应用）%d个，合格%d个，不合格%d个，合格率为%s。",
                tally.checked(), tally.passed(), tally.checked() - tally.passed(), tally.percent());
        List<String> failed = accounts.stream().filter(a -> !a.passed()).map(Circular::accountLabel).toList();
        return failed.isEmpty() ? text : text + "不合格政务新媒体：" + String.join("、", failed) + "。";
    }

    private static String accountLabel(NewMediaAccounts.Account a) {
        return "“" + a.name() + "”（" + a.site() + "）";
    }

    /**
     * For each section, in the phrases' order, one sentence per site (or account) with problems in it:
     * {@code 临江县人民政府网站空白栏目1个（人事信息）；“规划计划”栏目420天未更新}.
     */
    private static List<ProblemGroup> groups(Map<SiteReport, List<ProblemLines.Line>> bySite,
                                             Map<NewMediaAccounts.Account, List<ProblemLines.Line>> byAccount,
                                             ProblemLines lines) {
        List<ProblemGroup> groups = new ArrayList<>();
        for (ProblemPhrases.Category category : lines.phrases().categories()) {
            List<String> entries = new ArrayList<>();
            bySite.forEach((site, ls) -> entry(site.name() + "网站", ls, category)
                    .map(e -> e.replace(site.name() + "网站网站", site.name() + "网站")).ifPresent(entries::add));
            byAccount.forEach((a, ls) -> entry("“" + a.name() + "”（" + lines.phrases().accountType(a.platform())
                    + "，" + a.site() + "）", ls, category).ifPresent(entries::add));
            if (!entries.isEmpty()) {
                groups.add(new ProblemGroup(category.heading(), entries));
            }
        }
        return groups;
    }

    private static java.util.Optional<String> entry(String who, List<ProblemLines.Line> lines,
                                                    ProblemPhrases.Category category) {
        List<String> texts = lines.stream().filter(l -> l.category().equals(category.id()))
                .map(ProblemLines.Line::text).toList();
        return texts.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(who + String.join("；", texts));
    }

    private static List<AnnexRow> annex(Map<SiteReport, List<ProblemLines.Line>> bySite) {
        List<AnnexRow> rows = new ArrayList<>();
        bySite.forEach((site, lines) -> {
            if (!lines.isEmpty()) {
                rows.add(new AnnexRow(rows.size() + 1, site.name(), site.siteCode() == null ? "" : site.siteCode(),
                        marked(lines)));
            }
        });
        return rows;
    }

    private static List<NewMediaAnnexRow> newMediaAnnex(Map<NewMediaAccounts.Account, List<ProblemLines.Line>> byAccount,
                                                        ProblemPhrases phrases) {
        List<NewMediaAnnexRow> rows = new ArrayList<>();
        byAccount.forEach((a, lines) -> {
            if (!a.passed()) {
                rows.add(new NewMediaAnnexRow(rows.size() + 1, a.name(), phrases.accountType(a.platform()), a.site(),
                        marked(lines)));
            }
        });
        return rows;
    }

    /** The lines as an annex cell lists them: a veto line says so. */
    private static List<String> marked(List<ProblemLines.Line> lines) {
        return lines.stream().map(l -> l.veto() ? l.text() + "（单项否决）" : l.text()).toList();
    }

    /** What a circular of {@code day} covers: 2026年第四季度, or 2026年11月份. */
    static String period(java.time.LocalDate day, CircularSettings.Period period) {
        return period == CircularSettings.Period.month
                ? String.format(Locale.ROOT, "%d年%d月份", day.getYear(), day.getMonthValue())
                : String.format(Locale.ROOT, "%d年第%s季度", day.getYear(), chineseNumber((day.getMonthValue() - 1) / 3 + 1));
    }

    /** {@code 2026年12月2日}. */
    static String chineseDate(java.time.LocalDate d) {
        return String.format(Locale.ROOT, "%d年%d月%d日", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    static String chineseNumber(int n) {
        return switch (n) {
            case 1 -> "一";
            case 2 -> "二";
            case 3 -> "三";
            case 4 -> "四";
            default -> String.valueOf(n);
        };
    }
}
