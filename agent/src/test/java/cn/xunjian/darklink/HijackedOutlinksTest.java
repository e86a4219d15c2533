package cn.xunjian.darklink;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.check.Renderer;
import cn.xunjian.crawl.CheckedLink;
import cn.xunjian.crawl.LinkKind;
import cn.xunjian.crawl.LinkStatus;
import cn.xunjian.crawl.TargetPreview;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.testing.EvidenceFiles;
import cn.xunjian.testing.StaticAuditPage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 外链被劫持: links to other sites judged on what the crawl saw of their targets. */
class HijackedOutlinksTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);
    private static final String HOME = "http://127.0.0.1:8080/";

    @TempDir
    Path dir;

    private final List<String> rendered = new ArrayList<>();
    private final Renderer renderer = url -> {
        rendered.add(url);
        return Optional.of(new StaticAuditPage(url, "<html><body>目标页面</body></html>"));
    };

    private static CheckedLink link(String url, String text, TargetPreview preview) {
        return new CheckedLink(url, HOME, text, LinkKind.PAGE, new LinkStatus(url, 200, null, "GET", 12, false), 0,
                preview);
    }

    private List<Finding> inspect(int screenshots, CheckedLink... links) {
        return new HijackedOutlinks(SpamKeywords.standard(), screenshots).inspect(List.of(links), renderer,
                new SiteEvidence(new EvidenceStore(dir, CLOCK), "site-01"));
    }

    @Test
    void aFriendLinkWhoseDomainNowServesGamblingIsAVetoWithTheTargetsTitleKeywordsAndScreenshot() {
        CheckedLink friend = link("http://www.ljly-travel.example/", "临江旅游网", new TargetPreview(
                "bet365体育在线_澳门威尼斯人_真人娱乐官网", "bet365,百家乐,澳门葡京,真人娱乐", "真人娱乐首存送彩金",
                "真人娱乐首存送彩金立即注册"));

        List<Finding> findings = inspect(5, friend);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.indicator()).isEqualTo("W-V1");
            assertThat(f.kind()).isEqualTo("hijack.outlink");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.url()).isEqualTo("http://www.ljly-travel.example/");
            assertThat(f.message()).isEqualTo("外链被劫持：链接“临江旅游网” → http://www.ljly-travel.example/ 的目标网站现为"
                    + "赌博内容（标题“bet365体育在线_澳门威尼斯人_真人娱乐官网”，关键词“bet365,百家乐,澳门葡京,真人娱乐”，"
                    + "含关键词“百家乐”“葡京”“真人娱乐”“bet365”“首存”“彩金”），位于 " + HOME);
            assertThat(f.evidence()).extracting(Evidence::type).containsExactly("http", "screenshot");
            assertThat(EvidenceFiles.read(dir, f.evidence().get(0))).contains("\"targetTitle\"", "临江旅游网",
                    "\"linkedFrom\" : \"" + HOME + "\"");
        });
        assertThat(rendered).containsExactly("http://www.ljly-travel.example/");
    }

    @Test
    void aTargetThatOnlyMeetsWeakWordsByChanceIsNotHijacked() {
        CheckedLink macau = link("https://www.gov.mo/", "澳门特别行政区政府", new TargetPreview(
                "澳门特别行政区政府入口网站", "澳门,政府,服务", "澳门特区政府官方网站", "澳门特别行政区政府入口网站新闻公告"));
        CheckedLink sports = link("https://www.sport.example/", "体育局", new TargetPreview("体育彩票公益金使用情况",
                "体育,彩票", "", "体育彩票公益金使用情况"));

        assertThat(inspect(5, macau, sports)).isEmpty();
        assertThat(rendered).isEmpty();
    }

    @Test
    void linksWithoutAPreviewAreNotJudgedAndScreenshotsStopAtTheBudget() {
        TargetPreview casino = new TargetPreview("Situs Judi Online Terpercaya", "slot gacor", "", "");
        List<Finding> findings = inspect(1, link("http://a.example/", "甲", casino),
                link("http://b.example/", "乙", casino),
                new CheckedLink("http://c.example/", HOME, "丙", LinkKind.PAGE,
                        new LinkStatus("http://c.example/", 200, null, "GET", 3, false), 0));

        assertThat(findings).extracting(Finding::url).containsExactly("http://a.example/", "http://b.example/");
        assertThat(findings.get(0).evidence()).extracting(Evidence::type).containsExactly("http", "screenshot");
        assertThat(findings.get(1).evidence()).extracting(Evidence::type).containsExactly("http");
    }
}
