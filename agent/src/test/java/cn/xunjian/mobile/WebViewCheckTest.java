package cn.xunjian.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.Target;
import cn.xunjian.check.Facts;
import cn.xunjian.check.FooterMarksCheck;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.model.Account;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.FakeBrowser;
import cn.xunjian.testing.FakeScenarioPage;
import cn.xunjian.testing.FakeSite;
import cn.xunjian.testing.SiteContextBuilder;
import cn.xunjian.testing.StaticAuditPage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web-view check's decisions on scripted H5 pages, as a fake browser in the WeChat profile shows them. */
class WebViewCheckTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);
    private static final String ORIGIN = "http://127.0.0.1:8080";
    private static final String HOME = ORIGIN + "/";
    private static final String APP = ORIGIN + "/wx/only.html";

    /**
     * A 政务 H5 app that shows itself only inside WeChat, as many do (WebViewIT serves the script that decides);
     * this is what it renders in WeChat: three tabs, the third one empty.
     */
    private static final String APP_IN_WECHAT = """
            <html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>掌上服务</title></head><body><div id="app"><h1>掌上服务</h1>
              <div class="tabs"><span role="tab" data-p="p1">要闻</span> <span role="tab" data-p="p2">办事</span>
              <span role="tab" data-p="p3">公告</span></div>
              <div class="panel" id="p1"><a href="/wx/news-1.html">县政府召开常务会议</a></div>
              <div class="panel" id="p2" style="display:none"><a href="/wx/news-1.html">社保查询</a></div>
              <div class="panel" id="p3" style="display:none"><p>暂无数据</p></div>
            </div></body></html>""";
    /** What the same app renders in any other browser. */
    private static final String APP_ELSEWHERE = """
            <html><head><meta charset="utf-8"><title>掌上服务</title></head><body><div id="app">
            <p style="margin-top:40%;text-align:center">请在微信客户端打开链接</p></div></body></html>""";

    @TempDir
    Path dir;

    private final FakeSite site = new FakeSite().page(HOME, "<html><body>某县人民政府</body></html>");
    private final Facts facts = new Facts();
    private FakeBrowser browser;

    private List<Finding> run(List<SiteFile.WebView> views, List<String> qrCodes) throws InterruptedException {
        if (browser == null) {
            browser = new FakeBrowser(site);
        }
        SiteFile file = new SiteFile("某县人民政府", null, HOME, null, null, views, null, null);
        facts.addAll(FooterMarksCheck.QR_CODES, qrCodes);
        SiteEvidence evidence = new SiteEvidence(new EvidenceStore(dir, CLOCK), "site-01");
        return new WebViewCheck().run(SiteContextBuilder.of(file, new StaticAuditPage(HOME, "<html></html>"), browser,
                evidence, null, CLOCK, facts));
    }

    private static void showPanel(FakeScenarioPage page, String id) {
        for (Element panel : page.dom().select(".panel")) {
            panel.attr("style", panel.id().equals(id) ? "display:block" : "display:none");
        }
    }

    @Test
    void aWechatOnlyAppOpensInTheWechatProfileAndItsEmptyTabIsAnM_D1Deduction() throws Exception {
        FakeSite inWechat = new FakeSite().page(APP, APP_IN_WECHAT);
        for (String p : List.of("p1", "p2", "p3")) {
            inWechat.onClick(APP, Target.css("[data-p=" + p + "]"), page -> showPanel(page, p));
        }
        site.page(APP, APP_ELSEWHERE);
        browser = new FakeBrowser(site).serve(v -> v.userAgent().contains("MicroMessenger"), inWechat);

        List<Finding> findings = run(List.of(new SiteFile.WebView("掌上服务", APP)), List.of());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.indicator()).isEqualTo("M-D1");
            assertThat(f.kind()).isEqualTo("webview.empty-column");
            assertThat(f.severity()).isEqualTo(Severity.DEDUCT);
            assertThat(f.url()).isEqualTo(APP);
            assertThat(f.message()).contains("“掌上服务”的栏目“公告”无内容（显示“暂无数据”）");
            assertThat(f.evidence()).extracting(Evidence::type).containsExactly("screenshot", "screenshot");
        });
        assertThat(browser.opened()).extracting(o -> o.visitor().profile()).containsExactly(DeviceProfile.WECHAT);
        assertThat(browser.pages().get(0).actions()).filteredOn(a -> a.verb().equals("click")).hasSize(3);
    }

    @Test
    void aViewThatStillAsksForWechatInsideWechatIsAnM_V3Veto() throws Exception {
        site.page(ORIGIN + "/wx/oauth.html", "<html><body>请在微信客户端打开链接</body></html>");

        List<Finding> findings = run(List.of(new SiteFile.WebView("授权页", ORIGIN + "/wx/oauth.html")), List.of());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.indicator()).isEqualTo("M-V3");
            assertThat(f.kind()).isEqualTo("webview.wechat-only");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.message()).contains("“授权页”", "以微信（小程序）环境打开仍提示“请在微信客户端打开”");
            assertThat(f.evidence()).extracting(Evidence::type).containsExactly("screenshot", "html");
        });
    }

    @Test
    void aViewThatAnswers404IsUnreachable() throws Exception {
        List<Finding> findings = run(List.of(new SiteFile.WebView("不存在", ORIGIN + "/wx/missing.html")), List.of());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("webview.unreachable");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.message()).contains("“不存在”在微信中打开返回 HTTP 404");
        });
    }

    @Test
    void aScriptErrorAndAFailedDataRequestInsideAViewAreOneM_D1Deduction() throws Exception {
        String url = ORIGIN + "/wx/broken.html";
        site.page(url, "<html><body><h1>办事指南</h1><a href=\"/wx/news-1.html\">正常链接</a></body></html>")
                .onLoad(url, p -> {
                    p.scriptError("ReferenceError: undefinedFunction is not defined");
                    p.failedResponse(502, ORIGIN + "/api/guide.json");
                });

        List<Finding> findings = run(List.of(new SiteFile.WebView("办事指南", url)), List.of());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.indicator()).isEqualTo("M-D1");
            assertThat(f.kind()).isEqualTo("webview.page-error");
            assertThat(f.severity()).isEqualTo(Severity.DEDUCT);
            assertThat(f.message()).contains("“办事指南”功能异常", "页面脚本出错：ReferenceError: undefinedFunction",
                    "数据请求失败：502 " + ORIGIN + "/api/guide.json");
        });
    }

    @Test
    void aFooterQrCodeOnTheSameSiteIsCheckedAsAViewAndRecordedAsAnAccountAndOneOnAnotherHostIsNot() throws Exception {
        String qr = ORIGIN + "/wx/qr.html";
        site.page(qr, "<html><body><h1>扫码服务</h1><a href=\"/wx/news-1.html\">进入</a></body></html>");

        List<Finding> findings = run(List.of(), List.of("扫码进入：" + qr,
                "https://mp.weixin.qq.com/mp/profile_ext?__biz=MzA"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.indicator()).isEqualTo("M-V3");
            assertThat(f.kind()).isEqualTo("webview.ok");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.url()).isEqualTo(qr);
            assertThat(f.message()).contains("“页脚二维码页面”在微信中可以正常打开和使用");
        });
        assertThat(facts.all(Facts.ACCOUNTS))
                .containsExactly(new Account("页脚二维码页面", "webview", qr));
        assertThat(browser.opened()).extracting(FakeBrowser.Opened::page).singleElement()
                .satisfies(p -> assertThat(p.visited()).containsExactly(qr));
    }

    @Test
    void aViewOutsideTheAllowedNetworkIsRecordedButNotOpened() throws Exception {
        List<Finding> findings = run(List.of(new SiteFile.WebView("掌上临江", "https://h5.linjiang.gov.cn/")), List.of());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("webview.skipped");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
        });
        assertThat(facts.all(Facts.ACCOUNTS))
                .containsExactly(new Account("掌上临江", "webview", "https://h5.linjiang.gov.cn/"));
        assertThat(browser.opened()).isEmpty();
    }
}
