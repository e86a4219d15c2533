package cn.xunjian.report;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.score.Indicator;
import cn.xunjian.score.IndicatorCatalogue;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The content of a 通报 built from a report: totals and 合格率, problems grouped by indicator with the sites that
 * have them, and the annex rows (序号 | 网站名称 | 网站标识码 | 存在问题). When the batch had new-media accounts,
 * their totals and problems follow the websites', each account judged on its own, with a second annex
 * (序号 | 账号名称 | 开设主体 | 存在问题) of the failing ones. Writers render it as Markdown and HTML.
 *
 * @param newMediaTotals the new-media totals sentence, empty when the batch had no accounts
 */
public record Circular(String title, String issuer, String date, String intro, String totals,
                       List<ProblemGroup> problems, List<String> requirements, String annexTitle, List<AnnexRow> annex,
                       String newMediaTotals, List<ProblemGroup> newMediaProblems, String newMediaAnnexTitle,
                       List<NewMediaAnnexRow> newMediaAnnex) {

    /** One type of problem and the sites (or accounts) that have it. */
    public record ProblemGroup(String heading, List<String> sites) {
    }

    /** One row of the annex table. */
    public record AnnexRow(int number, String name, String siteCode, String problems) {
    }

    /** One row of the new-media annex: a failing account. */
    public record NewMediaAnnexRow(int number, String account, String owner, String problems) {
    }

    public static Circular of(Report report, IndicatorCatalogue catalogue, CircularTemplate template) {
        OffsetDateTime at = OffsetDateTime.parse(report.generatedAt());
        int quarter = (at.getMonthValue() - 1) / 3 + 1;
        String date = String.format(Locale.ROOT, "%d年%d月%d日", at.getYear(), at.getMonthValue(), at.getDayOfMonth());
        Summary s = report.summary();
        List<NewMediaAccounts.Account> accounts = NewMediaAccounts.of(report);
        String title = template.title().replace("{year}", String.valueOf(at.getYear()))
                .replace("{quarter}", chineseNumber(quarter))
                .replace("{subjects}", accounts.isEmpty() ? "政府网站" : "政府网站与政务新媒体");
        String intro = template.intro().replace("{date}", date).replace("{checked}", String.valueOf(s.checked()));
        String totals = String.format(Locale.ROOT, "本次共检查政府网站%d家，合格%d家，不合格%d家，合格率为%s。",
                s.checked(), s.passed(), s.checked() - s.passed(), s.percent());
        List<String> failed = report.sites().stream().filter(r -> !r.passed()).map(SiteReport::name).toList();
        if (!failed.isEmpty()) {
            totals += "不合格网站：" + String.join("、", failed) + "。";
        }
        return new Circular(title, template.issuer(), date, intro, totals, groups(report, catalogue),
                template.requirements(), template.annexTitle(), annex(report, catalogue), newMediaTotals(accounts),
                newMediaGroups(accounts, catalogue), template.newMediaAnnexTitle(), newMediaAnnex(accounts, catalogue));
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

    private static List<ProblemGroup> newMediaGroups(List<NewMediaAccounts.Account> accounts,
                                                     IndicatorCatalogue catalogue) {
        return groups(accounts.stream().map(a -> new Named(accountLabel(a), a.problems())).toList(),
                catalogue.indicators());
    }

    private static List<NewMediaAnnexRow> newMediaAnnex(List<NewMediaAccounts.Account> accounts,
                                                         IndicatorCatalogue catalogue) {
        List<NewMediaAnnexRow> rows = new ArrayList<>();
        for (NewMediaAccounts.Account a : accounts) {
            if (a.passed()) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (Finding f : a.problems()) {
                String message = f.message().replaceFirst("^“[^”]*”", "");
                parts.add(catalogue.indicator(f.indicator()).name() + "：" + message.replaceFirst("^[（(][^）)]*[）)]", ""));
            }
            rows.add(new NewMediaAnnexRow(rows.size() + 1, a.name(), a.site(), String.join("；", parts)));
        }
        return rows;
    }

    private static List<ProblemGroup> groups(Report report, IndicatorCatalogue catalogue) {
        List<Named> sites = report.sites().stream()
                .map(site -> new Named(site.name(), site.findings().stream().filter(Circular::counts).toList())).toList();
        return groups(sites, catalogue.indicators().stream().filter(ind -> !ind.newMedia()).toList());
    }

    /** A site or an account and the findings of it that a circular counts. */
    private record Named(String name, List<Finding> problems) {
    }

    /** For each indicator, in catalogue order, who has problems of it; marked 单项否决 when any of them is a veto. */
    private static List<ProblemGroup> groups(List<Named> subjects, List<Indicator> indicators) {
        List<ProblemGroup> groups = new ArrayList<>();
        for (Indicator ind : indicators) {
            Set<String> names = new LinkedHashSet<>();
            boolean veto = false;
            for (Named subject : subjects) {
                for (Finding f : subject.problems()) {
                    if (f.indicator().equals(ind.id())) {
                        names.add(subject.name());
                        veto |= f.severity() == Severity.VETO;
                    }
                }
            }
            if (!names.isEmpty()) {
                groups.add(new ProblemGroup(ind.name() + (veto ? "（单项否决）" : ""), List.copyOf(names)));
            }
        }
        return groups;
    }

    private static List<AnnexRow> annex(Report report, IndicatorCatalogue catalogue) {
        List<AnnexRow> rows = new ArrayList<>();
        for (SiteReport site : report.sites()) {
            Map<String, Integer> byIndicator = new LinkedHashMap<>();
            Map<String, Boolean> vetoes = new LinkedHashMap<>();
            for (Indicator ind : catalogue.indicators()) {
                if (ind.newMedia()) {
                    continue;
                }
                for (Finding f : site.findings()) {
                    if (f.indicator().equals(ind.id()) && counts(f)) {
                        byIndicator.merge(ind.name(), 1, Integer::sum);
                        vetoes.merge(ind.name(), f.severity() == Severity.VETO, Boolean::logicalOr);
                    }
                }
            }
            if (byIndicator.isEmpty()) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            byIndicator.forEach((name, n) -> parts.add(name + n + "处" + (vetoes.get(name) ? "（单项否决）" : "")));
            rows.add(new AnnexRow(rows.size() + 1, site.name(), site.siteCode() == null ? "" : site.siteCode(),
                    String.join("；", parts)));
        }
        return rows;
    }

    /** Warnings and information are for the site's own operators, not for a circular. */
    private static boolean counts(Finding f) {
        return f.severity() == Severity.VETO || f.severity() == Severity.DEDUCT;
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
