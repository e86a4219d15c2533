package cn.xunjian.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTitlesTest {
    private final SearchTitles titles = new SearchTitles(SearchRules.standard());

    @Test
    void datedNewsItemsComeFirstAndShortLinksAttachmentsAndMoreLinksAreLeftOut() {
        String html = """
                <ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开栏目导航页面</a></li></ul>
                <ul><li><a href="/a.pdf">2026年财政预算公开（PDF）</a><span>2026-02-15</span></li>
                    <li><a href="/more">更多今日临江新闻列表</a></li>
                    <li><a href="/n1">县政府召开第38次常务会议</a><span>11-20</span></li>
                    <li><a href="/n2">短标题</a><span>2026-11-19</span></li></ul>""";

        assertThat(titles.pick(html, "http://127.0.0.1/"))
                .containsExactly("县政府召开第38次常务会议", "政务公开栏目导航页面");
    }

    @Test
    void occurrencesCountNonOverlappingMatches() {
        assertThat(SiteSearchCheck.occurrences("常务会议…常务会议…常务", "常务会议")).isEqualTo(2);
        assertThat(SiteSearchCheck.occurrences("没有", "")).isZero();
    }
}
