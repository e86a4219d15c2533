package cn.xunjian.darklink;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.check.PageContext;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.model.SitePage;
import cn.xunjian.site.SiteFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTailCheckTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC);
    /**
     * An article page of a county site as TRS WCM publishes it (the closing lines of its template), with the block
     * of gambling links that hijacked 政府网站 pages carry appended after {@code </html>}; the words are those of
     * the hijacked circular page in shared/seeds/000 ("bet356手机版", "bet356体育在线").
     */
    private static final String ARTICLE = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>关于2022年6月份全市政府网站监管情况的通报</title></head>
            <body><div class="main"><div class="article"><p>现将相关情况通报如下：</p></div></div>
            <div class="footer"><p>主办：营口市人民政府办公室 网站标识码：2108000001</p></div>
            <script>var _hmt = _hmt || [];</script>
            </body>
            </html>
            <div style="position:absolute;top:-999px"><a href="http://www.bet356-app.example/">bet356手机版</a>
            <a href="http://tiyu.bet356-app.example/">bet356体育在线</a></div>
            """;

    @TempDir
    Path dir;

    private final SourceTailCheck check = new SourceTailCheck();

    private List<Finding> run(String html, int depth) {
        SiteFile site = new SiteFile("营口市人民政府", "2108000001", "http://127.0.0.1/", null, null, null, null, null);
        PageContext context = new PageContext(site, new SiteEvidence(new EvidenceStore(dir, CLOCK), "yk"),
                url -> Optional.empty(), CLOCK);
        return check.check(new SitePage("http://127.0.0.1/xwzx/t20220712_1.html", html, depth), context);
    }

    @Test
    void gamblingLinksAfterTheEndOfAnArticlePageAreAVetoWithTheServedTailAsEvidence() throws Exception {
        List<Finding> f = run(ARTICLE, 2);

        assertThat(f).hasSize(2).allSatisfy(x -> {
            assertThat(x.indicator()).isEqualTo("W-V1");
            assertThat(x.kind()).isEqualTo(SourceTailCheck.KIND);
            assertThat(x.severity()).isEqualTo(Severity.VETO);
            assertThat(x.url()).isEqualTo("http://127.0.0.1/xwzx/t20220712_1.html");
        });
        assertThat(f.get(0).message()).contains("</html> 之后").contains("“bet356手机版”")
                .contains("http://www.bet356-app.example/").contains("赌博");
        String tail = Files.readString(dir.resolve(f.get(0).evidence().get(0).path()), StandardCharsets.UTF_8);
        assertThat(tail).contains("页面源码第6行起").contains("bet356体育在线").doesNotContain("现将相关情况通报如下");
    }

    @Test
    void theInternationalSlotSpamOfTheHiddenLinkFixtureIsFoundOnAPageBeyondTheHome() throws IOException {
        List<Finding> f = run(resource("/sites/darklink/after-html.html"), 1);

        assertThat(f).extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("SLOT GACOR"))
                .anySatisfy(m -> assertThat(m).contains("Situs Judi"));
    }

    @Test
    void theHomePageIsLeftToTheRenderedHiddenLinkCheck() {
        assertThat(run(ARTICLE, 0)).isEmpty();
    }

    @Test
    void ordinaryContentAfterTheEndAndSpamInACommentThereRaiseNothing() {
        String page = """
                <html><head><title>通知公告</title></head><body><p>通知</p></body></html>
                <script src="https://hm.baidu.com/hm.js?0123"></script>
                <!-- <a href="http://casino.example/">澳门新葡京</a> -->
                <a href="http://www.gov.cn/">中国政府网</a>
                """;

        assertThat(run(page, 1)).isEmpty();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = SourceTailCheckTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
