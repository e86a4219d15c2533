package cn.xunjian.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The visible text of a page, read once for all the checks of that page. */
class PageTextTest {
    private static final String PAGE = "<html><head><title>通知</title></head><body><p>关于做好\u200b安全生产工作的通知</p>"
            + "<div style=\"display:none\">隐藏内容</div><script>var a;</script></body></html>";

    @Test
    void theTextIsWhatACitizenSees() {
        assertThat(PageText.of(PAGE)).contains("关于做好安全生产工作的通知").doesNotContain("隐藏内容").doesNotContain("var a");
    }

    @Test
    void theChecksOfOnePageShareOneParse() {
        String first = PageText.of(PAGE);
        assertThat(PageText.of(PAGE)).as("the same page: not parsed again").isSameAs(first);
        String other = new String(PAGE.toCharArray());
        assertThat(PageText.of(other)).as("another page with the same markup: parsed on its own")
                .isEqualTo(first).isNotSameAs(first);
    }
}
