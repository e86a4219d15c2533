package cn.xunjian.cli;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.report.NewMediaAccounts;
import cn.xunjian.report.Report;
import cn.xunjian.report.SiteReport;
import cn.xunjian.report.Summary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The short table printed after a run: site, verdict, score and problems by indicator. */
final class SummaryTable {
    private SummaryTable() {
    }

    static void print(Report report, List<NewMediaAccounts.Account> accounts, PrintWriter out) {
        out.println();
        out.println("序号 | 网站名称 | 结论 | 得分 | 问题（按指标）");
        out.println("-----+----------+------+------+----------------");
        int i = 1;
        for (SiteReport site : report.sites()) {
            out.printf(Locale.ROOT, "%d | %s | %s | %s | %s%n", i++, site.name(), site.verdict().label(),
                    site.score() == null ? "否决" : String.format(Locale.ROOT, "%.2f", site.score()), byIndicator(site));
        }
        Summary sites = report.summary();
        out.printf(Locale.ROOT, "%n共检查 %d 个网站，合格 %d 个，合格率 %s%n", sites.checked(), sites.passed(),
                sites.percent());
        if (!accounts.isEmpty()) {
            Summary tally = NewMediaAccounts.summary(accounts);
            List<String> failed = accounts.stream().filter(a -> !a.passed()).map(NewMediaAccounts.Account::name).toList();
            out.printf(Locale.ROOT, "政务新媒体（含小程序、网页应用）%d 个，合格 %d 个，合格率 %s%s%n", tally.checked(),
                    tally.passed(), tally.percent(), failed.isEmpty() ? "" : "；不合格：" + String.join("、", failed));
        }
    }

    static String byIndicator(SiteReport site) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Finding f : site.findings()) {
            if (f.severity() != Severity.INFO) {
                counts.merge(f.indicator(), 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return "无";
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "，").append(k).append("×").append(v));
        return sb.toString();
    }
}
