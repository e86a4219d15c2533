package cn.xunjian.darklink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.internal.Json;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.testing.EvidenceFiles;
import cn.xunjian.testing.StaticAuditPage;
import com.fasterxml.jackson.core.JsonProcessingException;
import cn.xunjian.model.Verdict;
import cn.xunjian.score.IndicatorCatalogue;
import cn.xunjian.score.Judgement;
import cn.xunjian.score.Scorer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 暗链 rule (hidden ∧ (external ∨ spam wording)) and its findings, fed with what {@code link-visibility.js}
 * reports on a page; HiddenLinkIT shows on real Chromium that the script sees each hiding technique.
 */
class HiddenLinkCheckTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);
    private static final String PAGE = "http://127.0.0.1:8080/";
    private static final String BAD = "http://www.ylc-casino.example/";

    @TempDir
    Path dir;

    private final List<Map<String, Object>> reported = new ArrayList<>();
    private final StringBuilder body = new StringBuilder();

    /** A link on the page, marked as the script marks it, and the script's verdict on it. */
    private void link(String href, String text, List<String> reasons, List<String> ancestors) {
        link(href, text, reasons, ancestors, reasons.isEmpty() ? null : hider(100 + reported.size(), "a", ""));
    }

    /** The element that hides a link as the script describes it: its number, description, text and what shows it. */
    private static Map<String, Object> hider(int id, String element, String text, String... revealed) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("id", id);
        h.put("element", element);
        h.put("text", text);
        h.put("revealed", List.of(revealed));
        return h;
    }

    private void link(String href, String text, List<String> reasons, List<String> ancestors,
                      Map<String, Object> hider) {
        int id = reported.size();
        String html = "<a href=\"" + href + "\" data-xj-link=\"" + id + "\">" + text + "</a>";
        body.append(html).append('\n');
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", id);
        n.put("tag", "a");
        n.put("href", URI.create(PAGE).resolve(href).toString());
        n.put("text", text);
        n.put("title", "");
        n.put("outerHTML", html);
        n.put("selector", "[data-xj-link=\"" + id + "\"]");
        n.put("hidden", !reasons.isEmpty());
        n.put("reasons", reasons);
        n.put("ancestors", ancestors);
        n.put("style", Map.of("display", reasons.contains("no-box") ? "none" : "inline", "visibility", "visible"));
        n.put("frame", "");
        n.put("media", false);
        n.put("hider", hider);
        reported.add(n);
    }

    /** The served source, when a test needs one (what follows its end); by default the page serves none. */
    private String source;

    private List<Finding> inspect() throws JsonProcessingException {
        // the page as the citizen's browser holds it after the script ran: the same fixture as HiddenLinkIT's
        String html = """
                <!doctype html><html><head><meta charset="utf-8"><title>临江县人民政府</title></head>
                <body><header><h1>临江县人民政府</h1></header><main id="main"><h2>政务要闻</h2>%s</main>
                <footer><p>主办：临江县人民政府办公室 网站标识码：3301850031</p></footer></body></html>""".formatted(body);
        StaticAuditPage page = new StaticAuditPage(PAGE, html)
                .answering("data-xj-link", Json.mapper().writeValueAsString(reported));
        if (source != null) {
            page.resource(PAGE, source.getBytes(StandardCharsets.UTF_8));
        }
        return new HiddenLinkCheck().inspect(page, new SiteEvidence(new EvidenceStore(dir, CLOCK), "site-01"));
    }

    private String read(Evidence e) {
        return EvidenceFiles.read(dir, e);
    }

    @Test
    void aHiddenLinkToAnotherSiteIsAVetoNamingItsTextTargetAndHowItIsHidden() throws Exception {
        link("/xw/1.html", "县政府召开常务会议", List.of(), List.of());
        link(BAD, "时时彩平台", List.of("off-page"), List.of("div {position:absolute;top:-999px}"));

        List<Finding> findings = inspect();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.indicator()).isEqualTo("W-V1");
            assertThat(f.kind()).isEqualTo("darklink.hidden");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.url()).isEqualTo(BAD);
            assertThat(f.message()).contains("页面存在暗链（隐藏链接）“时时彩平台” → " + BAD, "赌博", "定位到页面之外",
                    "（div {position:absolute;top:-999px}）");
            assertThat(f.evidence()).extracting(Evidence::type).containsExactly("screenshot", "html", "html");
            assertThat(f.evidence().get(0).path()).contains("darklink-element");
        });
        Finding f = findings.get(0);
        assertThat(read(f.evidence().get(1))).contains("\"outerHTML\"", "时时彩平台", "\"computedStyle\"",
                "\"reasonLabels\" : [ \"定位到页面之外\" ]");
        assertThat(read(f.evidence().get(2))).contains("<title>临江县人民政府</title>");
    }

    @Test
    void hiddenMenuLinksOfTheSiteAndHiddenLinksToTrustedHostsAreNormal() throws Exception {
        link("/zwgk/jggk/", "机构概况", List.of("no-box"), List.of("ul {display:none}"));
        link("#main", "跳到主要内容", List.of("clipped"), List.of());
        link("https://www.zj.gov.cn/", "浙江省人民政府", List.of("no-box"), List.of());
        link("https://www.zjol.com.cn/", "浙江在线", List.of(), List.of());

        assertThat(inspect()).isEmpty();
    }

    @Test
    void aHiddenLinkWithGamblingWordingIsReportedEvenOnAnInternalTargetWithThePageAsItsScreenshot() throws Exception {
        link("/tag/x", "澳门葡京", List.of("no-box"), List.of("div {display:none}"));

        List<Finding> findings = inspect();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("darklink.hidden");
            assertThat(f.url()).isEqualTo("http://127.0.0.1:8080/tag/x");
            assertThat(f.message()).contains("含赌博关键词", "葡京", "不占版面");
            // a link that takes no room cannot be outlined: the whole page is shown instead
            assertThat(f.evidence().get(0).path()).contains("darklink-page");
        });
    }

    @Test
    void aVisibleLinkWithGamblingWordingIsVisibleSpamAndAVisibleExternalLinkIsNot() throws Exception {
        link(BAD, "澳门威尼斯人官网", List.of(), List.of());
        link("https://www.zjol.com.cn/", "浙江在线", List.of(), List.of());

        List<Finding> findings = inspect();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("darklink.spam-visible");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.message()).startsWith("页面上有违规链接“澳门威尼斯人官网” → " + BAD);
            assertThat(f.evidence().get(0).path()).contains("darklink-element");
        });
    }

    @Test
    void beyondTheLimitPerPageTheRestAreCountedInOneFinding() throws Exception {
        int limit = HiddenLinkRules.standard().maxFindingsPerPage();
        IntStream.range(0, limit + 2).forEach(i -> link("http://spam" + i + ".example/", "链接" + i,
                List.of("tiny-box"), List.of()));

        List<Finding> findings = inspect();

        assertThat(findings).hasSize(limit + 1);
        assertThat(findings.get(limit)).satisfies(f -> {
            assertThat(f.kind()).isEqualTo("darklink.hidden");
            assertThat(f.url()).isEqualTo(PAGE);
            assertThat(f.message()).isEqualTo("该页另有2个暗链或违规链接未逐一列出");
            assertThat(f.evidence()).extracting(Evidence::type).containsExactly("html");
        });
        // the page source is saved once and shared by every finding
        assertThat(findings).extracting(f -> f.evidence().get(f.evidence().size() - 1).path()).containsOnly(
                findings.get(0).evidence().get(2).path());
    }

    @Test
    void aHiddenLinkToAnotherSiteWithNoSignOfSpamOrFurnitureIsASuspectedDarkLinkThatCostsNoPoints() throws Exception {
        link("http://www.lvyou-shop.example/", "特产商城", List.of("no-box"), List.of("div {display:none}"));

        List<Finding> findings = inspect();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("darklink.suspected");
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.url()).isEqualTo("http://www.lvyou-shop.example/");
            assertThat(f.message()).isEqualTo("疑似暗链：隐藏链接“特产商城” → http://www.lvyou-shop.example/ 指向外部网站 "
                    + "www.lvyou-shop.example，未见赌博、色情或推广内容，也不像菜单、下拉列表、分享按钮等页面组件，请人工核实；"
                    + "隐藏方式：不占版面（display:none 等）（div {display:none}）");
            assertThat(f.evidence()).extracting(Evidence::type).containsExactly("screenshot", "html", "html");
        });
        assertThat(read(findings.get(0).evidence().get(1))).contains("\"verdict\" : \"Suspected\"");
        Judgement judged = new Scorer(IndicatorCatalogue.standard()).judge(findings);
        assertThat(judged.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(judged.score()).isEqualTo(100.0);
    }

    @Test
    void hiddenShareButtonsBrowserUpgradeTipsAndCopiesOfVisibleLinksAreFurniture() throws Exception {
        link("http://service.weibo.com/share/share.php?url=x&title=y", "", List.of("tiny-box"), List.of());
        link("http://sns.qzone.qq.com/cgi-bin/qzshare/cgi_qzshare_onekey?url=x", "", List.of("tiny-box"), List.of());
        link("http://www.chromeliulanqi.com/", "下载新版浏览器", List.of("no-box"), List.of(),
                hider(1, "div.browser-tip", "您的浏览器版本过低，可能无法正常浏览本站，请下载新版浏览器。"));
        link("http://www.google.cn/chrome/browser/desktop/index.html", "谷歌浏览器", List.of("no-box"), List.of());
        link("https://slt.example-water.example/art_1.html", "省水利厅通知", List.of(), List.of());
        link("https://slt.example-water.example/art_1.html", "省水利厅通知", List.of("no-box"), List.of(),
                hider(2, "div#readContent", "全县秋冬季农田水利建设现场会召开……"));

        assertThat(inspect()).isEmpty();
    }

    @Test
    void aHiddenBlockThatAStyleRuleAHandlerOrAScriptWouldShowIsFurniture() throws Exception {
        link("https://www.dahe.cn/", "大河网络传媒集团", List.of("no-box"), List.of(),
                hider(1, "div.navList", "河南日报社 大河网络传媒集团", "jquery:mouseover@li"));
        link("http://www.pageadmin.net", "pageadmin cms", List.of("no-box"), List.of(),
                hider(2, "dd", "pageadmin cms", "script:#tab_c_link"));
        link("https://www.xuexi.cn/", "学习强国", List.of("clipped"), List.of(),
                hider(3, "div.swiper-container", "学习强国", "sibling-panel:div.swiper-slide.swiper-slide-active"));
        link("https://app.example-news.example/download", "客户端下载", List.of("no-box"), List.of(),
                hider(4, "div.visible-xs", "客户端下载", "other-viewport:.visible-xs"));
        link("https://www.zjol.com.cn/", "浙江在线", List.of("no-box"), List.of(),
                hider(5, "div.list", "浙江在线", "css-state:.media:hover .list"));

        assertThat(inspect()).isEmpty();
    }

    @Test
    void aHiddenListUnderAVisibleTitleIsADropDownOnlyWhenItsLinksMostlyGoToTrustedHosts() throws Exception {
        Map<String, Object> friends = hider(1, "ul.sub", "国务院部门 外交部 教育部 河南日报", "label:友情链接");
        link("http://www.mfa.gov.cn/", "外交部", List.of("no-box"), List.of(), friends);
        link("http://www.moe.gov.cn/", "教育部", List.of("no-box"), List.of(), friends);
        link("https://www.hnby.com.cn/", "河南日报", List.of("no-box"), List.of(), friends);
        Map<String, Object> shops = hider(2, "ul.sub", "商城 团购", "label:友情链接");
        link("http://www.shop-a.example/", "商城", List.of("no-box"), List.of(), shops);
        link("http://www.tuangou-b.example/", "团购", List.of("no-box"), List.of(), shops);

        List<Finding> findings = inspect();

        assertThat(findings).extracting(Finding::url)
                .containsExactly("http://www.shop-a.example/", "http://www.tuangou-b.example/");
        assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARN));
    }

    @Test
    void aHiddenBlockLinkingToFiveUnrelatedSitesIsAVetoAndOneLinkingToFourIsSuspected() throws Exception {
        Map<String, Object> five = hider(1, "div", "");
        for (String site : List.of("a", "b", "c", "d", "e")) {
            link("http://www.site-" + site + ".example/", "网站" + site, List.of("off-page"), List.of(), five);
        }
        Map<String, Object> four = hider(2, "div", "");
        for (String site : List.of("f", "g", "h", "i")) {
            link("http://www.site-" + site + ".example/", "网站" + site, List.of("off-page"), List.of(), four);
        }

        List<Finding> findings = inspect();

        assertThat(findings).filteredOn(f -> f.severity() == Severity.VETO).hasSize(5).allSatisfy(f -> assertThat(
                f.message()).contains("同一隐藏区块（div）内有5个指向无关外部网站的链接", "定位到页面之外"));
        assertThat(findings).filteredOn(f -> f.severity() == Severity.WARN).hasSize(4)
                .allSatisfy(f -> assertThat(f.kind()).isEqualTo("darklink.suspected"));
    }

    @Test
    void zeroSizeOrSameColourTextToAnotherSiteIsAVetoButAnEmptyZeroSizeLinkIsOnlySuspected() throws Exception {
        link("http://www.kuaixun-news.example/", "资讯", List.of("low-contrast"), List.of());
        link("http://www.wenhua-a.example/", "文化", List.of("font-size"), List.of());
        link("http://www.tongji-c.example/", "", List.of("tiny-box"), List.of());

        List<Finding> findings = inspect();

        assertThat(findings).extracting(Finding::severity).containsExactly(Severity.VETO, Severity.VETO, Severity.WARN);
        assertThat(findings.get(0).message()).contains("“资讯”", "注入特征：文字颜色与背景色相同");
        assertThat(findings.get(1).message()).contains("注入特征：字号为零或极小");
        assertThat(findings.get(2).message()).startsWith("疑似暗链：隐藏链接（无文字）");
    }

    @Test
    void anEmptyIconLinkWhoseStylesheetDidNotLoadIsFurnitureButAnEmptyLinkIsNot() throws Exception {
        // the 广西 portal's follow link (realpages/gxzf-trs-home.html): the icon is a CSS sprite on an empty <i>
        link("https://weibo.com/u/6431916625", "", List.of("tiny-box"), List.of());
        reported.get(0).put("outerHTML", "<a href=\"https://weibo.com/u/6431916625\" target=\"_blank\">"
                + "<i class=\"icon i-weibo\"></i></a>");
        link("http://www.tongji-c.example/", "", List.of("tiny-box"), List.of());
        link("http://www.tiny-d.example/", "", List.of("tiny-box"), List.of("div.box {overflow:hidden;width:1px;height:1px}"));
        reported.get(2).put("outerHTML", "<a href=\"http://www.tiny-d.example/\"><i class=\"icon\"></i></a>");

        assertThat(inspect()).extracting(Finding::url)
                .containsExactly("http://www.tongji-c.example/", "http://www.tiny-d.example/");
    }

    @Test
    void aHiddenListRightAfterAVisibleButtonIsADropDownWhateverItsLinksAre() throws Exception {
        // the 丰台 friend links (realpages/fengtai-article.html): <button class="btn">新闻媒体网站</button> and the list
        Map<String, Object> media = hider(1, "ul.dropdown-menu", "光明网 中国日报网 千龙网", "toggle:button.btn",
                "label:新闻媒体网站");
        link("http://www.gmw.cn/", "光明网", List.of("no-box"), List.of(), media);
        link("http://www.chinadaily.com.cn/", "中国日报网", List.of("no-box"), List.of(), media);
        link("http://www.qianlong.com/", "千龙网", List.of("no-box"), List.of(), media);
        Map<String, Object> labelled = hider(2, "ul.dropdown-menu", "千龙网", "label:新闻媒体网站");
        link("http://www.bjd.com.cn/", "京报网", List.of("no-box"), List.of(), labelled);

        assertThat(inspect()).extracting(Finding::url).containsExactly("http://www.bjd.com.cn/");
    }

    @Test
    void spamWordingMakesAVetoEvenInsideFurniture() throws Exception {
        link("http://www.pj-game.example/", "澳门葡京", List.of("no-box"), List.of(),
                hider(1, "ul", "机构概况 澳门葡京", "css-state:.dd:hover ul"));
        link("https://www.rtpslot-live.example/", "hari ini", List.of("no-box"), List.of(),
                hider(2, "ul", "", "jquery:mouseover@li"));
        link("http://service.weibo.com/share/share.php?title=slot-gacor", "", List.of("tiny-box"), List.of());

        List<Finding> findings = inspect();

        assertThat(findings).hasSize(3).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.VETO));
        assertThat(findings.get(1).message()).contains("rtpslot-live", "“rtpslot”").doesNotContain("疑似");
    }

    @Test
    void linksTheServedSourceHasAfterItsEndAreReportedWithTheSourceTail() throws Exception {
        link("https://www.casino-a.example/", "点击进入", List.of(), List.of());
        link("https://mahjong-ways.example/", "Mahjong Ways", List.of(), List.of());
        link("https://www.wujin-a.example/", "五金", List.of("no-box"), List.of(), hider(1, "div", "五金"));
        link("/xw/1.html", "县政府召开常务会议", List.of(), List.of());
        source = """
                <!doctype html><html><head><title>临江县人民政府</title></head>
                <body><a href="/xw/1.html">县政府召开常务会议</a></body>
                </html><!-- cms 2026 --><script>var t = '</html>';</script>
                <div><a href="https://www.casino-a.example/">点击进入</a><a href="https://mahjong-ways.example/">Mahjong Ways</a>
                <div style="display:none"><a href="https://www.wujin-a.example/">五金</a></div>
                <a href="https://agen-judi.example/">Agen Judi</a></div>
                """;

        List<Finding> findings = inspect();

        assertThat(findings).extracting(Finding::kind, Finding::severity, Finding::url).containsExactly(
                tuple("darklink.spam-visible", Severity.VETO, "https://www.casino-a.example/"),
                tuple("darklink.hidden", Severity.VETO, "https://www.wujin-a.example/"),
                tuple("darklink.spam-visible", Severity.VETO, "https://agen-judi.example/"),
                tuple("darklink.suspected", Severity.WARN, "https://mahjong-ways.example/"));
        assertThat(findings.get(0).message()).isEqualTo("页面上有违规链接“点击进入” → https://www.casino-a.example/，"
                + "含赌博关键词“casino”，写在页面源码 </body> 或 </html> 之后");
        assertThat(findings.get(1).message()).contains("指向外部网站 www.wujin-a.example，写在页面源码 </body> 或 </html> 之后");
        // a link only in the source (a script took it off the page) is still reported: spiders see it
        assertThat(findings.get(2).message()).contains("“Agen Judi”", "agenjudi");
        assertThat(findings.get(3).message()).startsWith("疑似暗链：链接“Mahjong Ways” → https://mahjong-ways.example/写在页面源码");
        Finding f = findings.get(0);
        assertThat(f.evidence()).extracting(Evidence::type).containsExactly("screenshot", "html", "html", "html");
        assertThat(read(f.evidence().get(3))).startsWith("<!-- 页面源码第2行起").contains("Agen Judi")
                .doesNotContain("县政府召开常务会议");
        assertThat(findings).extracting(x -> x.evidence().get(x.evidence().size() - 1).path()).containsOnly(
                f.evidence().get(3).path());
    }

    @Test
    void beyondTheLimitPerPageTheRestOfTheSuspectedLinksAreCountedInOneWarning() throws Exception {
        int limit = HiddenLinkRules.standard().maxFindingsPerPage();
        IntStream.range(0, limit + 3).forEach(i -> link("http://shop" + i + ".example/", "商城" + i,
                List.of("no-box"), List.of(), hider(i, "div", "")));

        List<Finding> findings = inspect();

        assertThat(findings).hasSize(limit + 1).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARN));
        assertThat(findings.get(limit).message()).isEqualTo("该页另有3个疑似暗链未逐一列出");
    }
}
