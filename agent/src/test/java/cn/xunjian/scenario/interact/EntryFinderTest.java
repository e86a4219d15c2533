package cn.xunjian.scenario.interact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which links of a home page are consultation entries, and in which order. */
class EntryFinderTest {
    private static final ConsultationRules RULES = ConsultationRules.standard();
    private static final String BASE = "http://127.0.0.1:8080/";

    private static List<EntryFinder.Link> entries(String body) {
        return EntryFinder.find("<html><body>" + body + "</body></html>", BASE, RULES.entryKeywords(),
                RULES.excludeKeywords(), RULES.entryUrlHints(), RULES.excludeUrlHints());
    }

    @Test
    void anImageLinkToAHotlinePlatformIsAnEntryAfterTheLinksThatSaySo() {
        List<EntryFinder.Link> found = entries("""
                <a href="https://rx12345.example.gov.cn/index.html"><img src="/images/12345.png"></a>
                <a href="/zmhd/ask.html">我要咨询</a>""");

        assertThat(found).extracting(EntryFinder.Link::url)
                .containsExactly(BASE + "zmhd/ask.html", "https://rx12345.example.gov.cn/index.html");
        assertThat(found.get(1).keyword()).isEqualTo("12345");
    }

    @Test
    void twelveThreeFourFiveInsideALongerNumberIsNotTheHotline() {
        assertThat(entries("<a href=\"https://beian.miit.gov.cn/\">浙ICP备12345678号-1</a>")).isEmpty();
        assertThat(entries("<a href=\"/rx/\">12345热线</a>")).extracting(EntryFinder.Link::keyword)
                .containsExactly("12345");
    }

    @Test
    void aPetitionPlatformIsLeftOutByItsAddressWhateverItsLinkSays() {
        assertThat(entries("<a href=\"https://ts.gdwsxf.gd.gov.cn/gz/web/index\">群众留言</a>")).isEmpty();
    }
}
