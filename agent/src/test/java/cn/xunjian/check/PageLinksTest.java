package cn.xunjian.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PageLinksTest {
    @Test
    void collectsLinksImagesAndAttachmentsOnceEachResolvedAgainstThePage() {
        var doc = Jsoup.parse("""
                <a href="/xwzx/index.html">新闻</a><a href="/xwzx/index.html#top">新闻</a>
                <img src="images/a.png"><a href="/attach/plan.pdf">附件</a>
                <link rel="stylesheet" href="/css/site.css"><iframe src="/map.html"></iframe>
                """, "http://127.0.0.1:8080/index.html");
        assertThat(PageLinks.of(doc).keySet()).containsExactlyInAnyOrder("http://127.0.0.1:8080/xwzx/index.html",
                "http://127.0.0.1:8080/images/a.png", "http://127.0.0.1:8080/attach/plan.pdf",
                "http://127.0.0.1:8080/map.html", "http://127.0.0.1:8080/css/site.css");
    }

    @Test
    void ignoresScriptMailPhoneAndSamePageLinks() {
        var doc = Jsoup.parse("""
                <a href="javascript:void(0)">无障碍</a><a href="JavaScript:openWin()">x</a>
                <a href="mailto:ljzf@linjiang.gov.cn">联系我们</a><a href="tel:12345">电话</a>
                <a href="#top">返回顶部</a><a href="">空</a><img src="data:image/png;base64,AAAA">
                """, "http://127.0.0.1/");
        assertThat(PageLinks.of(doc)).isEmpty();
    }

    @Test
    void encodesSpacesAndChineseCharactersLikeABrowser() {
        var doc = Jsoup.parse("<a href=\"/附件/2026年 计划.pdf\">计划</a>", "http://127.0.0.1/");
        assertThat(PageLinks.of(doc).keySet()).singleElement().satisfies(u ->
                assertThat(u).startsWith("http://127.0.0.1/").doesNotContain(" ").contains("%"));
    }

    @Test
    void labelsPreferTextThenAltThenTag() {
        var doc = Jsoup.parse("<a href=\"/a\">县长信箱</a><img src=\"/b.png\" alt=\"宣传横幅\"><img src=\"/c.png\">");
        assertThat(PageLinks.label(doc.selectFirst("a"))).isEqualTo("县长信箱");
        assertThat(PageLinks.label(doc.select("img").get(0))).isEqualTo("宣传横幅");
        assertThat(PageLinks.label(doc.select("img").get(1))).isEqualTo("<img>");
    }
}
