package cn.xunjian.history;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jsoup.nodes.Entities;

/**
 * HTML fragments for {@code report.html}: a per-site history section (W-V2 week, forecast, per-day table, chart,
 * comparison with the previous run) and a badge per finding. Self-contained: the chart is inline SVG, the styles
 * are in {@link #STYLE} for the report's style sheet.
 */
public final class HistoryHtml {
    /** CSS for the fragments, to append to the report's style element. */
    public static final String STYLE = """
            .history .forecast{color:#555}.history table{margin:8px 0}.history td.thin{color:#c62828;font-weight:bold}
            .change{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;margin-right:4px;border:1px solid}
            .change-new{color:#c62828;border-color:#c62828}.change-open{color:#ef6c00;border-color:#ef6c00}
            .change-fixed{color:#2e7d32;border-color:#2e7d32}.history .availability-chart{max-width:100%;height:auto}
            """;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日", Locale.ROOT);

    private HistoryHtml() {
    }

    /** The history section of one site. */
    public static String section(SiteHistory h) {
        StringBuilder html = new StringBuilder(16 * 1024);
        AvailabilityWeek week = h.week();
        html.append("<div class=\"history\">\n<h3>站点可用性（W-V2，近").append(week.days().size())
                .append("天）：").append(esc(week.verdict().label())).append("</h3>\n<p class=\"week\">")
                .append(esc(week.sentence())).append("</p>\n<p class=\"forecast\">").append(esc(h.forecast().sentence()))
                .append("</p>\n<table><tr><th>日期</th>");
        week.days().forEach(d -> html.append("<th>").append(esc(DAY.format(d.day()))).append("</th>"));
        html.append("</tr>\n<tr><th>探测次数</th>");
        int min = WeeklyRules.standard().minProbesPerDay();
        week.days().forEach(d -> html.append(d.probes() < min ? "<td class=\"thin\">" : "<td>").append(d.probes())
                .append("</td>"));
        html.append("</tr>\n<tr><th>失败次数</th>");
        week.days().forEach(d -> html.append("<td>").append(d.failures()).append("</td>"));
        html.append("</tr></table>\n").append(h.chartSvg()).append('\n');
        if (h.comparedWithPrevious()) {
            html.append("<h3>与上次检查相比</h3>\n<p class=\"changes\">")
                    .append(badge(FindingChange.Change.NEW)).append(h.count(FindingChange.Change.NEW)).append("项　")
                    .append(badge(FindingChange.Change.OPEN)).append(h.count(FindingChange.Change.OPEN)).append("项　")
                    .append(badge(FindingChange.Change.FIXED)).append(h.count(FindingChange.Change.FIXED))
                    .append("项</p>\n");
            if (!h.fixed().isEmpty()) {
                html.append("<ul class=\"fixed\">\n");
                h.fixed().forEach(f -> html.append("<li>").append(badge(FindingChange.Change.FIXED))
                        .append(esc(f.indicator())).append(" ").append(esc(f.message()))
                        .append("<div class=\"url\">").append(esc(f.url())).append("</div></li>\n"));
                html.append("</ul>\n");
            }
        } else {
            html.append("<p class=\"changes\">首次检查，无上次结果可比。</p>\n");
        }
        html.append("</div>\n");
        return html.toString();
    }

    /** A label such as 新发现 for a finding line. */
    public static String badge(FindingChange.Change change) {
        return "<span class=\"change change-" + change.name().toLowerCase(Locale.ROOT) + "\">" + change.label()
                + "</span>";
    }

    private static String esc(String s) {
        return Entities.escape(s == null ? "" : s);
    }
}
