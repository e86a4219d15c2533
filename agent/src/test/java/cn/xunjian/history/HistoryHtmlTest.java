package cn.xunjian.history;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.internal.HtmlTemplates;
import cn.xunjian.model.Finding;
import cn.xunjian.model.ProbeRecord;
import cn.xunjian.model.Severity;
import cn.xunjian.score.IndicatorCatalogue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The history section of report.html, {@code history/section.jte}. */
class HistoryHtmlTest {
    private static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.standard();

    private static String section(SiteHistory history) {
        return HtmlTemplates.render("history/section.jte", history);
    }

    @Test
    void theSectionShowsTheWeekTheThinDaysTheChartAndTheComparison() {
        List<ProbeRecord> probes = new ArrayList<>(Probes.failFirst(Probes.days(LocalDate.of(2026, 11, 15), 6, 20), 2));
        probes.addAll(Probes.days(LocalDate.of(2026, 11, 21), 1, 5));
        Finding kept = new Finding("W-D1", "link.broken", Severity.DEDUCT, "http://a/1", "链接无法打开：HTTP 404", List.of());
        Finding gone = new Finding("W-D2", "footer.icp.missing", Severity.DEDUCT, "http://a/", "缺少ICP备案编号<script>x()</script>", List.of());
        Finding added = new Finding("W-V3", "home.stale", Severity.VETO, "http://a/", "首页20天未更新", List.of());
        SiteHistory history = SiteHistory.of(probes, List.of(kept, gone), List.of(kept, added), Probes.CLOCK, CATALOGUE);

        Document doc = Jsoup.parse(section(history));
        assertThat(doc.select(".history h3").first().text()).contains("样本不足");
        assertThat(doc.select("td.thin")).singleElement().satisfies(td -> assertThat(td.text()).isEqualTo("5"));
        assertThat(doc.select("svg .fail")).hasSize(2);
        assertThat(doc.select("p.changes").text()).contains("新发现1项").contains("仍存在1项").contains("已整改1项");
        assertThat(doc.select("ul.fixed li")).singleElement().satisfies(li -> assertThat(li.text()).contains("缺少ICP备案编号"));
        assertThat(doc.select("script")).isEmpty();
        assertThat(history.changeOf(added)).contains(FindingChange.Change.NEW);
        assertThat(history.changeOf(kept)).contains(FindingChange.Change.OPEN);
    }

    @Test
    void aFirstRunSaysThereIsNothingToCompare() {
        SiteHistory history = SiteHistory.of(List.of(), null, List.of(), Probes.CLOCK, CATALOGUE);
        assertThat(history.comparedWithPrevious()).isFalse();
        assertThat(Jsoup.parse(section(history)).select("p.changes").text()).contains("首次检查");
    }
}
