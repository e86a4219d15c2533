package cn.xunjian.darklink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading what a served page holds after its end, where the browser's DOM no longer shows it. */
class SourceTailTest {
    private static final String BASE = "http://127.0.0.1:8080/";

    @Test
    void anOrdinaryPageHasNoTail() {
        assertThat(SourceTail.of("<html><body><a href=\"/a\">甲</a></body>\n</html>\n", BASE)).isEqualTo(SourceTail.NONE);
        assertThat(SourceTail.of("<p>片段，没有结束标签</p>", BASE)).isEqualTo(SourceTail.NONE);
        assertThat(SourceTail.of("", BASE)).isEqualTo(SourceTail.NONE);
    }

    @Test
    void commentsAndStatisticsScriptsAfterTheEndAreNoTail() {
        String source = """
                <html><body><p>正文</p></body></html>
                <!-- 发布时间 2026-11-20 -->
                <script src="//hm.baidu.com/hm.js?abc"></script>
                <script>document.write('<a href="https://x.example/">x</a>')</script>
                """;
        assertThat(SourceTail.of(source, BASE)).isEqualTo(SourceTail.NONE);
    }

    @Test
    void linksAfterTheClosingHtmlTagAreTheTailWithAbsoluteTargetsAndTheLineItStartsOn() {
        String source = "<html>\n<body>\n<p>正文</p>\n</body>\n</html>\n<a href=\"https://www.casino-a.example/\" "
                + "title=\"入口\">点击进入</a><a href=\"/tag/1\">内</a>";

        SourceTail tail = SourceTail.of(source, BASE);

        assertThat(tail.line()).isEqualTo(4);
        assertThat(tail.links()).containsExactly(new SourceTail.Link("https://www.casino-a.example/", "点击进入", "入口"),
                new SourceTail.Link("http://127.0.0.1:8080/tag/1", "内", ""));
        assertThat(tail.contains("https://www.casino-a.example/")).isTrue();
        assertThat(tail.html()).startsWith("\n</html>\n<a href");
    }

    @Test
    void contentBetweenTheClosingBodyAndHtmlTagsIsTailToo() {
        SourceTail tail = SourceTail.of("<html><body>正文</body><a href=\"https://b.example/\">b</a></html>", BASE);
        assertThat(tail.links()).extracting(SourceTail.Link::href).containsExactly("https://b.example/");
    }

    @Test
    void closingTagsInsideScriptsAndCommentsDoNotEndThePage() {
        String source = """
                <html><body><script>var s = '</body></html>';</script>
                <!-- </html> -->
                <a href="https://inside.example/">页面里的链接</a>
                </body></html>""";
        assertThat(SourceTail.of(source, BASE)).isEqualTo(SourceTail.NONE);
    }

    @Test
    void aWholeDocumentIncludedInTheMiddleOfThePageDoesNotCutIt() {
        // server-side includes of CMS templates often carry their own <html><body> … </body></html>
        String source = """
                <html><body><html><body><div class="head">页头</div></body></html>
                <a href="https://www.zjol.com.cn/">浙江在线</a>
                </body></html>""";
        assertThat(SourceTail.of(source, BASE)).isEqualTo(SourceTail.NONE);
    }
}
