package cn.xunjian.history;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.ProbeRecord;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.score.IndicatorCatalogue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class AvailabilityChartTest {
    private static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.standard();
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 15);

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> byClass(Document doc, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (cls.equals(e.getAttribute("class"))) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void everyFailedProbeOfTheWeekIsOneRedMarkAndEverySuccessOneDot() throws Exception {
        List<ProbeRecord> probes = Probes.failFirst(Probes.days(MONDAY, 7, 20), 9);
        ZonedDateTime today = LocalDate.of(2026, 11, 22).atStartOfDay(ShanghaiTime.ZONE);
        probes.add(Probes.failed(today.plusHours(1)));
        AvailabilityWeek week = WeeklyAvailability.judge(probes, Probes.CLOCK, CATALOGUE);
        Document doc = parse(AvailabilityChart.of(probes, week, CATALOGUE).svg());
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(byClass(doc, "fail")).hasSize(9)
                .allSatisfy(e -> assertThat(e.getAttribute("fill")).isEqualTo("#d93025"));
        assertThat(byClass(doc, "ok")).hasSize(131);
        assertThat(byClass(doc, "timeout")).hasSize(1);
    }

    @Test
    void axisLabelsAreChineseDaysAndSeconds() throws Exception {
        List<ProbeRecord> probes = Probes.days(MONDAY, 7, 20);
        AvailabilityWeek week = WeeklyAvailability.judge(probes, Probes.CLOCK, CATALOGUE);
        String svg = AvailabilityChart.of(probes, week, CATALOGUE).svg();
        Document doc = parse(svg);
        assertThat(byClass(doc, "x-label")).extracting(Element::getTextContent)
                .containsExactly("11月15日", "11月16日", "11月17日", "11月18日", "11月19日", "11月20日", "11月21日");
        assertThat(byClass(doc, "y-label")).extracting(Element::getTextContent)
                .containsExactly("0秒", "5秒", "10秒", "15秒", "20秒");
        assertThat(svg).contains("15秒未打开即失败").contains("Noto Sans CJK SC").doesNotContain("href");
    }

    @Test
    void reasonsWithMarkupAreEscapedSoTheSvgStaysWellFormed() throws Exception {
        ZonedDateTime at = MONDAY.atStartOfDay(ShanghaiTime.ZONE).plusHours(2);
        ProbeRecord odd = new ProbeRecord("http", Probes.URL, 0, 10, false, "网络错误：<b>\"x\" & 'y'\u0001</b>",
                Probes.ok(at, 1).at());
        AvailabilityWeek week = WeeklyAvailability.judge(List.of(odd), Probes.CLOCK, CATALOGUE);
        Document doc = parse(AvailabilityChart.of(List.of(odd), week, CATALOGUE).svg());
        assertThat(byClass(doc, "fail")).singleElement()
                .satisfies(e -> assertThat(e.getTextContent()).contains("<b>\"x\" & 'y'"));
    }
}
