package cn.xunjian.check;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.net.NetworkScope;
import cn.xunjian.crawl.LinkChecker;
import cn.xunjian.model.Evidence;
import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.FixtureServer;
import cn.xunjian.testing.StaticAuditPage;
import cn.xunjian.vision.ZxingQrDecoder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeLinksCheckTest {
    @TempDir
    Path dir;
    private final FixtureServer server = new FixtureServer()
            .html("/news.html", "<p>新闻</p>").status("/gone.html", 404).status("/plan.pdf", 500)
            .bytes("/logo.png", "image/png", StaticAuditPage.PNG);
    private final LinkChecker links = new LinkChecker(Duration.ofSeconds(3), NetworkScope.LOOPBACK_ONLY, 4, 4);

    @AfterEach
    void close() {
        links.close();
        server.close();
    }

    private List<Finding> run(String body) throws Exception {
        String url = server.url("/");
        StaticAuditPage page = new StaticAuditPage(url, "<html><body>" + body + "</body></html>");
        return new HomeLinksCheck().run(CheckFixtures.context(dir, SiteFile.of("测试", url), page, links,
                CheckFixtures.ocr(), new ZxingQrDecoder()));
    }

    @Test
    void eachBrokenLinkImageOrAttachmentIsADeductionWithEvidence() throws Exception {
        List<Finding> findings = run("""
                <a href="/news.html">新闻</a><a href="/gone.html">春耕动员会</a>
                <a href="/plan.pdf">工作计划</a><img src="/missing.jpg" alt="宣传横幅"><img src="/logo.png">
                """);
        assertThat(findings).extracting(Finding::message).containsExactly(
                "首页链接不可用：“春耕动员会” → " + server.url("/gone.html") + "（HTTP 404）",
                "首页附件不可用：“工作计划” → " + server.url("/plan.pdf") + "（HTTP 500）",
                "首页图片不可用：“宣传横幅” → " + server.url("/missing.jpg") + "（HTTP 404）");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.indicator()).isEqualTo("W-D1");
            assertThat(f.kind()).isEqualTo("link.broken.home");
            assertThat(f.severity()).isEqualTo(Severity.DEDUCT);
            assertThat(f.evidence()).extracting(Evidence::type).containsExactly("screenshot", "http");
        });
    }

    @Test
    void aPageWithOnlyWorkingLinksHasNoFindings() throws Exception {
        assertThat(run("<a href=\"/news.html\">新闻</a><a href=\"javascript:void(0)\">无障碍</a><img src=\"/logo.png\">"))
                .isEmpty();
    }

    @Test
    void linksOutsideTheAllowedNetworkAreCountedNotChecked() throws Exception {
        assertThat(run("<a href=\"https://www.gov.cn/\">中国政府网</a><a href=\"https://beian.miit.gov.cn/\">备案</a>"))
                .singleElement().satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("link.skipped");
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.message()).contains("2个链接");
                });
    }
}
