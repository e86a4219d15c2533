package cn.xunjian.darklink;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.browser.BrowserSession;
import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.browser.PageLoad;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.testing.FixtureServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The hidden-link check with real Chromium: one fixture page per hiding technique, and pages that must not fire. */
class HiddenLinkIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);
    private static final String BAD = "http://www.ylc-casino.example/";
    private static final String GIF = "data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==";

    /** technique → body fragment with exactly one 暗链 to {@link #BAD} (or, for keyword cases, an internal target). */
    private static final Map<String, String> TECHNIQUES = Map.ofEntries(
            Map.entry("h01-display-none-class", """
                    <style>.yl{display:none}</style><div class="yl"><a href="%s">百家乐</a></div>"""),
            Map.entry("h02-visibility-hidden", """
                    <div style="visibility:hidden"><a href="%s">真人娱乐</a></div>"""),
            Map.entry("h03-opacity-on-parent", """
                    <div style="opacity:0"><a href="%s">在线娱乐</a></div>"""),
            Map.entry("h04-off-page", """
                    <div style="position:absolute;top:-999px;left:-999px"><a href="%s">时时彩平台</a></div>"""),
            Map.entry("h05-font-size-zero", """
                    <p style="font-size:0">友情 <a href="%s">六合彩</a></p>"""),
            Map.entry("h06-white-on-white", """
                    <div style="background:#fff"><a href="%s" style="color:#fff">体育投注</a></div>"""),
            Map.entry("h07-tiny-marquee", """
                    <marquee height="1" width="1" scrollamount="3000"><a href="%s">澳门葡京</a></marquee>"""),
            Map.entry("h08-tiny-overflow-box", """
                    <div style="height:1px;width:1px;overflow:hidden"><a href="%s">棋牌游戏平台</a></div>"""),
            Map.entry("h09-text-indent", """
                    <div style="text-indent:-9999px"><a href="%s">娱乐城</a></div>"""),
            Map.entry("h10-clip-rect", """
                    <div style="position:absolute;clip:rect(0 0 0 0)"><a href="%s">彩金</a></div>"""),
            Map.entry("h10b-clip-path", """
                    <div style="clip-path:inset(50%%)"><a href="%s">首存优惠</a></div>"""),
            Map.entry("h11-covered", """
                    <div style="position:relative;height:40px">
                      <a href="%s" style="position:absolute;left:0;top:0">老虎机</a>
                      <div style="position:absolute;left:0;top:0;width:300px;height:40px;background:#fff;z-index:9"></div>
                    </div>"""),
            Map.entry("h12-scale-zero", """
                    <div style="transform:scale(0)"><a href="%s">电子游艺</a></div>"""),
            Map.entry("h13-document-write-wrapper", """
                    <script>document.write('<div style="dis'+'play:none">')</script><a href="%s">北京赛车</a><script>document.write('</div>')</script>"""),
            Map.entry("h14-injected-on-load", """
                    <script>document.addEventListener('DOMContentLoaded', () => { const d = document.createElement('div');
                      d.innerHTML = atob('PGEgc3R5bGU9InBvc2l0aW9uOmFic29sdXRlO2xlZnQ6LTUwMDBweCIgaHJlZj0iSFJFRiI+bGluazwvYT4=').replace('HREF', '%s');
                      document.body.appendChild(d); });</script>"""),
            Map.entry("h15-zero-iframe", """
                    <iframe src="%s" width="0" height="0" frameborder="0"></iframe>"""),
            Map.entry("h16-noscript", """
                    <noscript><a href="%s">幸运飞艇</a></noscript>"""),
            Map.entry("h17-entities-internal", """
                    <div style="display:none"><a href="/tag/%s">&#x6FB3;&#x95E8;&#x8461;&#x4EAC;</a></div>"""),
            Map.entry("h18-in-same-origin-frame", """
                    <iframe src="/frame-hidden.html" width="400" height="100"></iframe><!-- %s -->"""),
            Map.entry("h19-nearly-transparent", """
                    <div style="opacity:0.02"><a href="%s">返水</a></div>"""));

    @TempDir
    static Path dir;
    private static FixtureServer server;
    private static BrowserRuntime browser;
    private static BrowserSession session;
    private static SiteEvidence evidence;

    static String page(String body) {
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>临江县人民政府</title>
                <style>body{font:14px/1.6 sans-serif;margin:0} header,main,footer{padding:12px 24px}</style></head>
                <body><header><h1>临江县人民政府</h1><nav><a href="/zwgk/">政务公开</a> <a href="/bsfw/">办事服务</a></nav></header>
                <main id="main"><h2>政务要闻</h2><ul><li><a href="/xw/1.html">县政府召开常务会议</a></li>
                <li><a href="/xw/2.html">全县秋冬季安全生产工作部署会召开</a></li></ul>%s</main>
                <footer><p>主办：临江县人民政府办公室 网站标识码：3301850031</p></footer></body></html>""".formatted(body);
    }

    @BeforeAll
    static void start() {
        server = new FixtureServer();
        TECHNIQUES.forEach((name, body) -> server.html("/" + name + ".html", page(body.replace("%s", BAD)
                .replace("%%", "%"))));
        server.html("/frame-hidden.html", """
                <html><head><meta charset="utf-8"></head><body><p>专题</p>
                <div style="display:none"><a href="%s">网上娱乐</a></div></body></html>""".formatted(BAD));
        server.html("/visible-spam.html", page("<p>推荐：<a href=\"" + BAD + "\">澳门威尼斯人官网</a></p>"));
        server.html("/clean.html", page(CLEAN));
        server.bytes("/darklink/js/jquery.min.js", "application/javascript; charset=utf-8", jquery());
        browser = BrowserRuntime.start(NetworkScope.LOOPBACK_ONLY);
        session = browser.openSession(DeviceProfile.DESKTOP);
        evidence = new SiteEvidence(new EvidenceStore(dir, CLOCK), "site-01");
    }

    @AfterAll
    static void stop() {
        session.close();
        browser.close();
        server.close();
    }

    private static AuditPage open(String path) {
        PageLoad load = session.load(server.url(path), Duration.ofSeconds(15));
        assertThat(load).isInstanceOf(PageLoad.Loaded.class);
        return ((PageLoad.Loaded) load).page();
    }

    static Stream<Arguments> techniques() {
        return TECHNIQUES.keySet().stream().sorted().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("techniques")
    void eachHidingTechniqueIsReportedAsOneHiddenLinkVeto(String technique) {
        List<Finding> findings = new HiddenLinkCheck().inspect(open("/" + technique + ".html"), evidence);
        assertThat(findings).as(technique).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.kind()).isEqualTo("darklink.hidden");
        assertThat(f.indicator()).isEqualTo("W-V1");
        assertThat(f.severity()).isEqualTo(Severity.VETO);
        assertThat(f.url()).contains(technique.equals("h17-entities-internal") ? "/tag/" : "ylc-casino.example");
        assertThat(f.message()).contains("暗链", "隐藏方式");
        assertThat(f.evidence()).extracting(e -> e.type()).contains("screenshot", "html");
    }

    @Test
    void theMessageNamesTheLinkTextTheTargetAndHowItIsHidden() {
        Finding f = new HiddenLinkCheck().inspect(open("/h04-off-page.html"), evidence).get(0);
        assertThat(f.message()).contains("“时时彩平台”", BAD, "定位到页面之外", "赌博");
    }

    @Test
    void keywordsWrittenAsEntitiesAreDecodedAndReportedEvenOnAnInternalTarget() {
        Finding f = new HiddenLinkCheck().inspect(open("/h17-entities-internal.html"), evidence).get(0);
        assertThat(f.message()).contains("澳门葡京", "不占版面");
    }

    @Test
    void theElementEvidenceHoldsItsMarkupAndComputedStyle() throws Exception {
        Finding f = new HiddenLinkCheck().inspect(open("/h02-visibility-hidden.html"), evidence).get(0);
        String record = f.evidence().stream().filter(e -> e.path().endsWith(".json")).findFirst()
                .map(e -> read(dir.resolve(e.path()))).orElseThrow();
        assertThat(record).contains("outerHTML", "真人娱乐", "computedStyle", "\"visibility\" : \"hidden\"");
    }

    @Test
    void aVisibleLinkWithGamblingWordingIsReportedAsVisibleSpam() {
        List<Finding> findings = new HiddenLinkCheck().inspect(open("/visible-spam.html"), evidence);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("darklink.spam-visible");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.message()).contains("澳门威尼斯人官网");
        });
    }

    @Test
    void menusSkipLinksAccordionsFriendLinksAndACookieBannerDoNotFire() {
        AuditPage page = open("/clean.html");
        List<ClassifiedLink> links = new LinkVisibility(HiddenLinkRules.standard(), BenignUi.standard()).classify(page);
        // the must-not-fire links are really seen as hidden, so the test proves the DL-CORE rule, not a blind spot
        assertThat(links).filteredOn(ClassifiedLink::hidden).extracting(ClassifiedLink::text)
                .contains("跳到主要内容", "机构概况", "领导之窗", "办事指南", "浙江省人民政府");
        assertThat(links).filteredOn(l -> l.text().equals("人民网")).singleElement()
                .satisfies(l -> assertThat(l.hidden()).isFalse());
        assertThat(links).filteredOn(l -> l.href().contains("zjol.com.cn")).hasSize(3)
                .allSatisfy(l -> assertThat(l.hidden()).as(l.text() + l.reasons()).isFalse());
        assertThat(new HiddenLinkCheck().inspect(page, evidence)).isEmpty();
    }

    private static final LinkVisibility CLASSIFIER = new LinkVisibility(HiddenLinkRules.standard(),
            BenignUi.standard());

    private static boolean hiddenElsewhere(ClassifiedLink l) {
        return l.hidden() && Hosts.external(l.href(), server.url("/"))
                && Hosts.host(l.href()).map(h -> !HiddenLinkRules.standard().trusted(h)).orElse(false);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"friend-links-jquery", "tabs-pageadmin", "carousel-swiper", "share-buttons", "upgrade-tip",
            "mobile-nav", "read-aloud", "hover-menu-media", "dropdown-button"})
    void pageFurnitureThatHidesLinksToOtherSitesRaisesNothing(String fixture) {
        AuditPage page = open("/darklink/" + fixture + ".html");
        // the furniture really hides links to other, untrusted sites: the test proves the judgement, not a blind spot
        assertThat(CLASSIFIER.classify(page)).as(fixture).anyMatch(HiddenLinkIT::hiddenElsewhere);
        assertThat(new HiddenLinkCheck().inspect(page, evidence)).as(fixture).isEmpty();
    }

    @Test
    void aFriendLinkSelectHasNoLinksToJudge() {
        AuditPage page = open("/darklink/friend-links-select.html");
        assertThat(CLASSIFIER.classify(page)).noneMatch(l -> l.href().contains("gov.cn"));
        assertThat(new HiddenLinkCheck().inspect(page, evidence)).isEmpty();
    }

    @Test
    void theClassifierNamesWhatWouldShowEachKindOfHiddenFurniture() {
        assertThat(revealed("friend-links-jquery", "dahe.cn")).anyMatch(r -> r.matches("jquery:mouse(enter|over)@li.*"));
        assertThat(revealed("tabs-pageadmin", "pageadmin.net")).contains("script:#tab_c_link");
        assertThat(revealed("carousel-swiper", "xuexi.cn")).anyMatch(r -> r.startsWith("sibling-panel:div.swiper-slide"));
        assertThat(revealed("mobile-nav", "example-news")).anyMatch(r -> r.startsWith("other-viewport:.visible-xs"));
        assertThat(revealed("hover-menu-media", "zjol.com.cn")).contains("css-state:.media:hover .list");
    }

    private static List<String> revealed(String fixture, String target) {
        ClassifiedLink link = CLASSIFIER.classify(open("/darklink/" + fixture + ".html")).stream()
                .filter(l -> l.href().contains(target)).findFirst().orElseThrow();
        assertThat(link.hidden()).as(target).isTrue();
        return link.hider().revealed();
    }

    @Test
    void aHiddenLinkToAnotherSiteWithNoSignOfSpamOrFurnitureIsASuspectedDarkLinkWarning() {
        List<Finding> findings = new HiddenLinkCheck().inspect(open("/darklink/suspected.html"), evidence);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("darklink.suspected");
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.message()).startsWith("疑似暗链：隐藏链接“特产商城” → http://www.lvyou-shop.example/")
                    .contains("请人工核实", "不占版面");
            assertThat(f.evidence()).extracting(e -> e.type()).containsExactly("screenshot", "html", "html");
        });
    }

    @Test
    void aHiddenBlockOfManyUnrelatedSitesIsAVetoEvenWithoutSpamWording() {
        List<Finding> findings = new HiddenLinkCheck().inspect(open("/darklink/injected-block.html"), evidence);
        assertThat(findings).hasSize(6).allSatisfy(f -> {
            assertThat(f.kind()).isEqualTo("darklink.hidden");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.message()).contains("同一隐藏区块", "6个指向无关外部网站的链接", "定位到页面之外");
        });
    }

    @Test
    void aLinkToAnotherSiteInTextTheColourOfItsBackgroundIsAVetoEvenWithHarmlessWords() {
        List<Finding> findings = new HiddenLinkCheck().inspect(open("/darklink/same-colour.html"), evidence);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.message()).contains("“资讯”", "注入特征：文字颜色与背景色相同");
        });
    }

    @Test
    void aGamblingLinkInsideAHoverMenuIsStillAVeto() {
        List<Finding> findings = new HiddenLinkCheck().inspect(open("/darklink/spam-in-menu.html"), evidence);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("darklink.hidden");
            assertThat(f.message()).contains("澳门葡京", "赌博");
        });
    }

    @Test
    void visibleGamblingLinksAppendedAfterTheClosingHtmlTagAreFoundInTheServedSource() throws Exception {
        List<Finding> findings = new HiddenLinkCheck().inspect(open("/darklink/after-html.html"), evidence);
        assertThat(findings).filteredOn(f -> f.severity() == Severity.VETO).hasSize(2).allSatisfy(f -> {
            assertThat(f.kind()).isEqualTo("darklink.spam-visible");
            assertThat(f.message()).contains("赌博", "</html> 之后");
            assertThat(f.evidence()).extracting(e -> e.type()).containsExactly("screenshot", "html", "html", "html");
        });
        assertThat(findings).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("SLOT GACOR hari ini", "gacor"))
                .anySatisfy(m -> assertThat(m).contains("Situs Judi Online Terpercaya", "situsjudi"));
        assertThat(findings).filteredOn(f -> f.severity() == Severity.WARN).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("疑似暗链：链接“Mahjong Ways”"));
        Finding f = findings.get(0);
        String tail = read(dir.resolve(f.evidence().get(3).path()));
        assertThat(tail).contains("页面源码第9行起", "SLOT GACOR hari ini").doesNotContain("<h1>");
    }

    private static byte[] jquery() {
        try (var in = HiddenLinkIT.class.getResourceAsStream("/META-INF/resources/webjars/jquery/1.12.4/jquery.min.js")) {
            return in.readAllBytes();
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("the jQuery WebJar is missing from the test class path", e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final String CLEAN = """
            <style>
              .sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);border:0}
              .sr-only:focus{position:static;width:auto;height:auto;clip:auto}
              .menu li{position:relative;display:inline-block;margin-right:16px}
              .menu ul{display:none;position:absolute;top:100%;left:0;background:#fff;border:1px solid #ccc}
              .menu li:hover ul{display:block}
              .acc .panel{display:none}
              .links{font-size:0}
              .links a{display:inline-block;margin:4px}
              .sites{position:relative}
              .sites .list{display:none;position:absolute}
              .sites:hover .list{display:block}
              #cookie{position:fixed;left:0;right:0;bottom:0;height:90px;background:#333;color:#fff;padding:8px;z-index:99}
              #cookie a{color:#9cf}
              .carousel{width:300px;height:40px;overflow:hidden;position:relative}
              .carousel .track{position:absolute;left:0;top:0;white-space:nowrap}
              .carousel .track a{display:inline-block;width:300px}
            </style>
            <a class="sr-only" href="#main">跳到主要内容</a>
            <ul class="menu"><li><a href="/zwgk/">政务公开</a><ul><li><a href="/zwgk/jggk/">机构概况</a></li>
              <li><a href="/zwgk/ldzc/">领导之窗</a></li></ul></li></ul>
            <div class="acc"><h3>办事服务</h3><div class="panel"><a href="/bsfw/zn.html">办事指南</a></div></div>
            <div class="carousel"><div class="track"><a href="/zt/1.html">专题一</a><a href="/zt/2.html">专题二</a></div></div>
            <div class="sites">政府网站群<div class="list"><a href="https://www.zj.gov.cn/">浙江省人民政府</a>
              <a href="https://www.hangzhou.gov.cn/">杭州市人民政府</a></div></div>
            <div style="height:900px">正文</div>
            <h3>友情链接</h3>
            <p><a href="https://www.gov.cn/">中国政府网</a> <a href="http://www.people.com.cn/">人民网</a>
               <a href="https://www.zjol.com.cn/">浙江在线</a></p>
            <div class="links"><a href="https://www.zjol.com.cn/"><img src="GIF" width="88" height="31" alt="浙江在线"></a></div>
            <div id="cookie">本网站使用 Cookie 改善浏览体验。<a href="/privacy.html">隐私政策</a>
              <a href="https://www.zjol.com.cn/policy">了解更多</a> <button>同意</button></div>
            """.replace("GIF", GIF);
}
