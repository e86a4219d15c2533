package cn.xunjian.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.audit.AuditSettings;
import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.browser.BrowserSession;
import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.browser.PageLoad;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.check.SiteContext;
import cn.xunjian.crawl.LinkChecker;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.FixtureServer;
import cn.xunjian.vision.ZxingQrDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web-view check with real Chromium in the WeChat profile against fixture H5 pages. */
class WebViewIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);

    /** Shows the app only inside WeChat, as many 政务 H5 apps do. */
    private static final String WECHAT_ONLY = """
            <html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>掌上服务</title></head><body><div id="app"></div>
            <script>
              const inWechat = window.__wxjs_environment === 'miniprogram' || /MicroMessenger/i.test(navigator.userAgent);
              const app = document.getElementById('app');
              if (!inWechat) {
                app.innerHTML = '<p style="margin-top:40%;text-align:center">请在微信客户端打开链接</p>';
              } else {
                app.innerHTML = `<h1>掌上服务</h1>
                  <div class="tabs"><span role="tab" data-p="p1">要闻</span> <span role="tab" data-p="p2">办事</span>
                  <span role="tab" data-p="p3">公告</span></div>
                  <div class="panel" id="p1"><a href="/wx/news-1.html">县政府召开常务会议</a></div>
                  <div class="panel" id="p2" style="display:none"><a href="/wx/news-1.html">社保查询</a></div>
                  <div class="panel" id="p3" style="display:none"><p>暂无数据</p></div>`;
                for (const t of document.querySelectorAll('[role=tab]')) {
                  t.addEventListener('click', () => {
                    for (const p of document.querySelectorAll('.panel')) p.style.display = 'none';
                    document.getElementById(t.dataset.p).style.display = 'block';
                  });
                }
              }
            </script></body></html>""";

    @TempDir
    static Path dir;
    private static FixtureServer server;
    private static BrowserRuntime browser;
    private static LinkChecker links;

    @BeforeAll
    static void start() {
        server = new FixtureServer()
                .html("/", "<html><head><meta charset=\"utf-8\"><title>某县</title></head><body>某县人民政府</body></html>")
                .html("/wx/only.html", WECHAT_ONLY)
                .html("/wx/news-1.html", "<html><body>新闻正文</body></html>")
                .html("/wx/blank.html", """
                        <html><head><meta charset="utf-8"></head><body><div id="app"></div>
                        <script>/* waits for a login bridge that never answers */</script></body></html>""")
                .html("/wx/oauth.html", """
                        <html><head><meta charset="utf-8"></head><body>
                        <script>document.body.innerText = location.search.includes('code=')
                          ? '欢迎' : '请在微信客户端打开链接';</script></body></html>""")
                .html("/wx/broken.html", """
                        <html><head><meta charset="utf-8"></head><body><h1>办事指南</h1>
                        <a href="/wx/news-1.html">正常链接</a> <a href="/wx/gone.html">失效链接</a>
                        <script>window.addEventListener('load', () => { undefinedFunction(); });</script>
                        </body></html>""")
                .html("/wx/qr.html", "<html><head><meta charset=\"utf-8\"></head><body><h1>扫码服务</h1>"
                        + "<a href=\"/wx/news-1.html\">进入</a></body></html>");
        browser = BrowserRuntime.start(NetworkScope.LOOPBACK_ONLY);
        links = new LinkChecker(Duration.ofSeconds(5), NetworkScope.LOOPBACK_ONLY, 4, 4);
    }

    @AfterAll
    static void stop() {
        links.close();
        browser.close();
        server.close();
    }

    private static List<Finding> run(List<SiteFile.WebView> views, List<Finding> soFar, String evidenceDir) {
        SiteFile site = new SiteFile("某县人民政府", null, server.url("/"), null, null, views, null, null);
        try (BrowserSession session = browser.openSession(DeviceProfile.DESKTOP)) {
            PageLoad.Loaded home = (PageLoad.Loaded) session.load(site.url(), Duration.ofSeconds(15));
            SiteEvidence evidence = new SiteEvidence(new EvidenceStore(dir.resolve(evidenceDir), CLOCK), "site-01");
            SiteContext ctx = new SiteContext(site, home.page(), browser, evidence,
                    NetworkScope.LOOPBACK_ONLY, cn.xunjian.net.HttpStack.of(NetworkScope.LOOPBACK_ONLY), Duration.ofSeconds(15),
                    links, image -> "", new ZxingQrDecoder(),
                    CLOCK, soFar);
            return new WebViewCheck().run(ctx);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theWechatOnlyPageShowsItsRefusalOnADesktopBrowserButItsContentInTheWechatProfile() {
        try (BrowserSession desktop = browser.openSession(DeviceProfile.DESKTOP);
             BrowserSession wechat = browser.openSession(DeviceProfile.WECHAT)) {
            var onDesktop = desktop.openPage();
            onDesktop.navigate(server.url("/wx/only.html"), Duration.ofSeconds(15));
            var inWechat = wechat.openPage();
            inWechat.navigate(server.url("/wx/only.html"), Duration.ofSeconds(15));

            assertThat(onDesktop.bodyText()).contains("请在微信客户端打开");
            assertThat(inWechat.bodyText()).doesNotContain("请在微信客户端打开").contains("县政府召开常务会议");
        }
    }

    @Test
    void aWechatOnlyViewOpensInTheWechatProfileAndItsEmptyTabIsAnM_D1Deduction() throws Exception {
        List<Finding> findings = run(List.of(new SiteFile.WebView("掌上服务", server.url("/wx/only.html"))), List.of(),
                "only");

        assertThat(findings).noneMatch(f -> f.severity() == Severity.VETO);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.indicator()).isEqualTo("M-D1");
            assertThat(f.kind()).isEqualTo("webview.empty-column");
            assertThat(f.severity()).isEqualTo(Severity.DEDUCT);
            assertThat(f.message()).contains("公告", "暂无数据");
            assertThat(f.evidence()).extracting(e -> e.type()).containsOnly("screenshot").hasSizeGreaterThanOrEqualTo(2);
        });
        Path shot = dir.resolve("only").resolve(findings.get(0).evidence().get(0).path());
        byte[] png = Files.readAllBytes(shot);
        // a phone screenshot: 390 CSS px at 3x
        int width = ((png[16] & 0xff) << 24) | ((png[17] & 0xff) << 16) | ((png[18] & 0xff) << 8) | (png[19] & 0xff);
        assertThat(width).isEqualTo(390 * 3);
    }

    @Test
    void aViewThatStillAsksForWechatOrStaysBlankIsAnM_V3Veto() {
        List<Finding> findings = run(List.of(new SiteFile.WebView("授权页", server.url("/wx/oauth.html")),
                new SiteFile.WebView("空白页", server.url("/wx/blank.html")),
                new SiteFile.WebView("不存在", server.url("/wx/missing.html"))), List.of(), "veto");

        assertThat(findings).extracting(Finding::kind)
                .containsExactly("webview.wechat-only", "webview.blank", "webview.unreachable");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.indicator()).isEqualTo("M-V3");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.evidence()).extracting(e -> e.type()).contains("screenshot");
        });
        assertThat(findings.get(0).message()).contains("授权页", "请在微信客户端打开");
        assertThat(findings.get(2).message()).contains("HTTP 404");
    }

    @Test
    void aScriptErrorAndABrokenLinkInsideAViewAreM_D1Deductions() {
        List<Finding> findings = run(List.of(new SiteFile.WebView("办事指南", server.url("/wx/broken.html"))),
                List.of(), "broken");

        assertThat(findings).extracting(Finding::kind).containsExactlyInAnyOrder("webview.link-broken",
                "webview.page-error");
        assertThat(findings).allSatisfy(f -> assertThat(f.indicator()).isEqualTo("M-D1"));
        assertThat(findings).filteredOn(f -> f.kind().equals("webview.link-broken")).singleElement()
                .satisfies(f -> assertThat(f.url()).endsWith("/wx/gone.html"));
        assertThat(findings).filteredOn(f -> f.kind().equals("webview.page-error")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("页面脚本出错", "undefinedFunction"));
    }

    @Test
    void aFooterQrCodeOnTheSameSiteIsCheckedAsAViewAndOneOnAnotherHostIsNot() {
        List<Finding> qr = List.of(new Finding("W-D2", "footer.qr", Severity.INFO, server.url("/qr.png"),
                        "页脚二维码“掌上服务”指向：" + server.url("/wx/qr.html"), List.of()),
                new Finding("W-D2", "footer.qr", Severity.INFO, server.url("/qr2.png"),
                        "页脚二维码“公众号”指向：https://mp.weixin.qq.com/mp/profile_ext?__biz=MzA", List.of()));

        List<Finding> findings = run(List.of(), qr, "qr");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("webview.ok");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.url()).isEqualTo(server.url("/wx/qr.html"));
            assertThat(f.evidence()).extracting(e -> e.type()).containsExactly("screenshot");
        });
    }
}
