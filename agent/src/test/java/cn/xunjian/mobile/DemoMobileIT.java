package cn.xunjian.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.audit.AuditSettings;
import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.browser.BrowserSession;
import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.browser.PageLoad;
import cn.xunjian.model.Finding;
import cn.xunjian.check.SiteContext;
import cn.xunjian.crawl.LinkChecker;
import cn.xunjian.demo.DemoPortal;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.search.SiteSearchCheck;
import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.FixtureServer;
import cn.xunjian.vision.ZxingQrDecoder;
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

/** The demo's web view and search pages, as the web-view and search checks see them. */
class DemoMobileIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;
    private static DemoPortal demo;
    private static BrowserRuntime browser;
    private static LinkChecker links;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoPortal.start(CLOCK);
        browser = BrowserRuntime.start(NetworkScope.LOOPBACK_ONLY);
        links = new LinkChecker(Duration.ofSeconds(5), NetworkScope.LOOPBACK_ONLY, 4, 4);
    }

    @AfterAll
    static void stop() {
        links.close();
        browser.close();
        demo.close();
    }

    private static List<Finding> run(cn.xunjian.check.SiteCheck check, SiteFile site, String evidenceDir)
            throws Exception {
        try (BrowserSession session = browser.openSession(DeviceProfile.DESKTOP)) {
            PageLoad.Loaded home = (PageLoad.Loaded) session.load(site.url(), Duration.ofSeconds(15));
            SiteContext ctx = new SiteContext(site, home.page(), browser,
                    new SiteEvidence(new EvidenceStore(dir.resolve(evidenceDir), CLOCK), "site-01"),
                    NetworkScope.LOOPBACK_ONLY, cn.xunjian.net.HttpStack.of(NetworkScope.LOOPBACK_ONLY), Duration.ofSeconds(15),
                    links, image -> "", new ZxingQrDecoder(),
                    CLOCK, List.of());
            return check.run(ctx);
        }
    }

    @Test
    void theDemoServiceViewRefusesADesktopBrowserAndShowsOneEmptyTabInsideWechat() throws Exception {
        try (BrowserSession desktop = browser.openSession(DeviceProfile.DESKTOP)) {
            var page = desktop.openPage();
            page.navigate(demo.origin() + "/h5/app.html", Duration.ofSeconds(15));
            assertThat(page.bodyText()).contains("请在微信客户端打开");
        }
        SiteFile site = new SiteFile(DemoPortal.PORTAL_NAME, null, demo.portalUrl(), null, null,
                List.of(new SiteFile.WebView("掌上临江·政务服务", demo.origin() + "/h5/app.html"),
                        new SiteFile.WebView("掌上临江", demo.origin() + "/h5/index.html")), null, null);

        List<Finding> findings = run(new WebViewCheck(), site, "webview");

        assertThat(findings).extracting(Finding::kind).containsExactly("webview.empty-column", "webview.ok");
        assertThat(findings.get(0).message()).contains("便民地图", "暂无数据");
    }

    @Test
    void theDemoSearchPageFindsAHomePageTitleAndNotAnUnknownOne() throws Exception {
        try (FixtureServer home = new FixtureServer()) {
            String form = "<form action=\"" + demo.origin() + "/search/index.html\"><input name=\"q\" placeholder=\"请输入关键词\">"
                    + "<button>搜索</button></form>";
            home.html("/ok.html", "<html><head><meta charset=\"utf-8\"></head><body>" + form
                    + "<ul><li><a href=\"/x\">我县部署开展冬季安全生产大检查</a><span>2026-11-18</span></li></ul></body></html>");
            home.html("/unknown.html", "<html><head><meta charset=\"utf-8\"></head><body>" + form
                    + "<ul><li><a href=\"/x\">临江县召开第39次常务会议（未收录）</a><span>2026-11-22</span></li></ul></body></html>");

            List<Finding> ok = run(new SiteSearchCheck(), SiteFile.of("临江", home.url("/ok.html")), "search-ok");
            List<Finding> unknown = run(new SiteSearchCheck(), SiteFile.of("临江", home.url("/unknown.html")),
                    "search-unknown");

            assertThat(ok).extracting(Finding::kind).containsExactly("search.ok");
            assertThat(unknown).extracting(Finding::kind).containsExactly("search.useless");
            assertThat(unknown.get(0).message()).contains("没有找到");
        }
    }
}
