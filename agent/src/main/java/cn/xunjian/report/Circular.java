package cn.xunjian.report;

import cn.xunjian.check.Finding;
import cn.xunjian.check.Severity;
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
 * have them, and the annex rows (序号 | 网站名称 | 网站标识码 | 存在问题). Writers render it as Markdown and HTML.
 */
public record Circular(String title, String issuer, String date, String intro, String totals,
                       List<ProblemGroup> problems, List<String> requirements, String annexTitle, List<AnnexRow> annex) {

    /** One type of problem and the sites that have it. */
    public record ProblemGroup(String heading, List<String> sites) {
    }

    /** One row of the annex table. */
    public record AnnexRow(int number, String name, String siteCode, String problems) {
    }

    public static Circular of(Report report, IndicatorCatalogue catalogue, CircularTemplate template) {
        OffsetDateTime at = OffsetDateTime.parse(report.generatedAt());
        int quarter = (at.getMonthValue() - 1) / 3 + 1;
        String date = String.format(Locale.ROOT, "%d年%d月%d日", at.getYear(), at.getMonthValue(), at.getDayOfMonth());
        Summary s = report.summary();
        String title = template.title().replace("{year}", String.valueOf(at.getYear()))
                .replace("{quarter}", chineseNumber(quarter));
        String intro = template.intro().replace("{date}", date).replace("{checked}", String.valueOf(s.checked()));
        String totals = String.format(Locale.ROOT, "本次共检查政府网站%d家，合格%d家，不合格%d家，合格率为%.2f%%。",
                s.checked(), s.passed(), s.checked() - s.passed(), s.passRate() * 100);
        List<String> failed = report.sites().stream().filter(r -> !r.passed()).map(SiteReport::name).toList();
        if (!failed.isEmpty()) {
            totals += "不合格网站：" + String.join("、", failed) + "。";
        }
        return new Circular(title, template.issuer(), date, intro, totals, groups(report, catalogue),
                template.requirements(), template.annexTitle(), annex(report, catalogue));
    }

    private static List<ProblemGroup> groups(Report report, IndicatorCatalogue catalogue) {
        List<ProblemGroup> groups = new ArrayList<>();
        for (Indicator ind : catalogue.indicators()) {
            Set<String> sites = new LinkedHashSet<>();
            boolean veto = false;
            for (SiteReport site : report.sites()) {
                for (Finding f : site.findings()) {
                    if (f.indicator().equals(ind.id()) && counts(f)) {
                        sites.add(site.name());
                        veto |= f.severity() == Severity.VETO;
                    }
                }
            }
            if (!sites.isEmpty()) {
                groups.add(new ProblemGroup(ind.name() + (veto ? "（单项否决）" : ""), List.copyOf(sites)));
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
