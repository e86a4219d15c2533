package cn.xunjian.check;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.net.HostResolver;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.net.Reachability;
import cn.xunjian.score.IndicatorCatalogue;
import cn.xunjian.score.Scorer;
import cn.xunjian.crawl.LinkChecker;
import cn.xunjian.model.Evidence;
import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.FixtureServer;
import cn.xunjian.testing.StaticAuditPage;
import cn.xunjian.vision.ZxingQrDecoder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        return run(body, links);
    }

    private List<Finding> run(String body, LinkChecker links) throws Exception {
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

    /**
     * A machine on a closed network: no name outside resolves (the resolver hook answers from an empty table, so
     * no DNS server is ever asked), and the start-of-run probe finds the outside unreachable. The links every
     * government home page carries — the ICP filing system, the 党政机关 mark, www.gov.cn — are then unverifiable,
     * not broken.
     */
    @Test
    void externalLinksThisMachineCannotReachAreOneInfoLineAndCostNoPoints() throws Exception {
        try (HttpStack http = HttpStack.builder(NetworkScope.LOOPBACK_ONLY).resolver(HostResolver.nothingResolves())
                .timeout(Duration.ofSeconds(3)).build();
             LinkChecker closedNetwork = new LinkChecker(http, Duration.ofSeconds(3), 4)) {
            http.reachability().home("127.0.0.1");
            assertThat(http.reachability().probe(http, List.of("https://beian.miit.gov.cn/", "https://www.gov.cn/"),
                    Duration.ofSeconds(1))).isEqualTo(Reachability.Outside.UNREACHABLE);

            List<Finding> findings = run("""
                    <a href="/news.html">新闻</a>
                    <a href="https://bszs.conac.cn/sitename?method=show&id=072B7E5F8C5A">党政机关</a>
                    <a href="https://beian.miit.gov.cn/" target="_blank">京ICP备05070218号</a>
                    <a href="http://www.gov.cn/">中国政府网</a>
                    """, closedNetwork);

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo("link.unreachable");
                assertThat(f.severity()).isEqualTo(Severity.INFO);
                assertThat(f.message()).startsWith("首页有 3 个外部链接无法核实").contains("https://beian.miit.gov.cn/",
                        "http://www.gov.cn/", "bszs.conac.cn");
            });
            assertThat(new Scorer(IndicatorCatalogue.standard()).judge(findings).score()).isEqualTo(100.0);
        }
    }

    @Test
    void aNameThatDoesNotResolveIsABrokenLinkWhenTheOutsideIsReachable() throws Exception {
        try (HttpStack http = HttpStack.builder(NetworkScope.LOOPBACK_ONLY)
                .resolver(HostResolver.table(Map.of("www.gov.cn", "127.0.0.1")))
                .timeout(Duration.ofSeconds(3)).build();
             LinkChecker online = new LinkChecker(http, Duration.ofSeconds(3), 4)) {
            http.reachability().home("127.0.0.1");
            // the probe host answers (the table maps it to the fixture server): the outside is reachable
            assertThat(http.reachability().probe(http, List.of("http://www.gov.cn:" + server.port() + "/news.html"),
                    Duration.ofSeconds(1))).isEqualTo(Reachability.Outside.REACHABLE);

            List<Finding> findings = run("<a href=\"http://www.expired-domain.test/\">友情链接</a>", online);

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo("link.broken.home");
                assertThat(f.message()).contains("域名解析失败（DNS）");
            });
        }
    }
}
