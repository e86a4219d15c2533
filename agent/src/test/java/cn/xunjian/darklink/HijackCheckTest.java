package cn.xunjian.darklink;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.testing.EvidenceFiles;
import cn.xunjian.testing.FakeBrowser;
import cn.xunjian.testing.FakeSite;
import cn.xunjian.testing.FixtureServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decisions of the cloaking / referer-hijack check with the rendering done by a fake browser: the plain HTTP
 * visits go to a clean fixture site on 127.0.0.1, what the browser shows each visitor is scripted.
 */
class HijackCheckTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);
    private static final String SITE_NAME = "临江县人民政府";

    @TempDir
    Path dir;
    private FixtureServer server;
    private String url;

    @BeforeEach
    void start() {
        server = new FixtureServer().route("/", CloakingSite::clean);
        url = server.url("/");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FakeSite normal() {
        return new FakeSite().page(url, CloakingSite.normalPage(""));
    }

    private List<Finding> inspect(FakeBrowser browser) throws InterruptedException {
        return new HijackCheck().inspect(url, SITE_NAME, browser, NetworkScope.LOOPBACK_ONLY, Duration.ofSeconds(15),
                new SiteEvidence(new EvidenceStore(dir, CLOCK), "site-01"));
    }

    private String read(Evidence e) {
        return EvidenceFiles.read(dir, e);
    }

    @Test
    void aGamblingPageRenderedOnlyForBaiduspiderIsAVetoForBothSpiders() throws Exception {
        FakeBrowser browser = new FakeBrowser(normal()).serve(v -> v.userAgent().contains("Baiduspider"),
                new FakeSite().page(url, CloakingSite.spamPage()));

        List<Finding> findings = inspect(browser);

        assertThat(findings).extracting(Finding::kind).containsExactly("hijack.spider", "hijack.spider");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.indicator()).isEqualTo("W-V1");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.url()).isEqualTo(url);
            assertThat(f.message()).contains("标题由“临江县人民政府”变为“bet365体育在线_澳门威尼斯人_真人娱乐”", "百家乐");
            assertThat(f.evidence()).extracting(Evidence::type).containsExactly("screenshot", "html", "html", "http",
                    "screenshot", "screenshot");
            assertThat(f.evidence().get(4).path()).contains("-capture-normal");
            assertThat(f.evidence().get(5).path()).contains("-capture-variant");
        });
        assertThat(findings.get(0).message()).contains("以百度蜘蛛（PC）身份访问");
        assertThat(findings.get(1).message()).contains("以百度蜘蛛（移动）身份访问");
        Finding pc = findings.get(0);
        assertThat(read(pc.evidence().get(1))).contains("<title>临江县人民政府</title>");
        assertThat(read(pc.evidence().get(2))).contains("bet365体育在线");
        assertThat(read(pc.evidence().get(3))).contains("\"profile\" : \"百度蜘蛛（PC）\"", "\"differences\"");
    }

    @Test
    void eachVisitorIsRenderedInItsOwnSessionWithItsProfileUserAgentAndReferer() throws Exception {
        FakeBrowser browser = new FakeBrowser(normal());

        inspect(browser);

        HijackRules rules = HijackRules.standard();
        String pcSpider = rules.spiders().get(0).userAgent();
        String mobileSpider = rules.spiders().get(1).userAgent();
        String fromBaidu = rules.referers().get(0).forSite(SITE_NAME);
        assertThat(browser.opened()).extracting(FakeBrowser.Opened::visitor).containsExactly(
                new FakeBrowser.Visitor(DeviceProfile.DESKTOP, DeviceProfile.DESKTOP.userAgent(), null),
                new FakeBrowser.Visitor(DeviceProfile.DESKTOP, DeviceProfile.DESKTOP.userAgent(), null),
                new FakeBrowser.Visitor(DeviceProfile.DESKTOP, pcSpider, null),
                new FakeBrowser.Visitor(DeviceProfile.MOBILE, DeviceProfile.MOBILE.userAgent(), null),
                new FakeBrowser.Visitor(DeviceProfile.MOBILE, DeviceProfile.MOBILE.userAgent(), null),
                new FakeBrowser.Visitor(DeviceProfile.MOBILE, mobileSpider, null),
                new FakeBrowser.Visitor(DeviceProfile.DESKTOP, DeviceProfile.DESKTOP.userAgent(), fromBaidu));
        assertThat(browser.opened()).extracting(FakeBrowser.Opened::url).containsOnly(url);
        assertThat(fromBaidu).startsWith("https://www.baidu.com/s?wd=").contains("%E4%B8%B4%E6%B1%9F");
        assertThat(browser.allClosed()).isTrue();
    }

    @Test
    void aSiteThatShowsEveryVisitorTheSamePageHasNoFinding() throws Exception {
        assertThat(inspect(new FakeBrowser(normal()))).isEmpty();
    }

    @Test
    void aRedirectOfVisitorsFromBaiduToAnotherSiteIsAReferHijackOnly() throws Exception {
        // "localhost" is another host than "127.0.0.1" for the check, and still inside the loopback scope
        String elsewhere = "http://localhost:" + server.port() + "/casino.html";
        FakeBrowser browser = new FakeBrowser(normal()).serve(
                v -> v.referer() != null && v.referer().contains("baidu.com"),
                new FakeSite().redirect(url, elsewhere).page(elsewhere, CloakingSite.spamPage()));

        List<Finding> findings = inspect(browser);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("hijack.referer");
            assertThat(f.indicator()).isEqualTo("W-V1");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.message()).contains("作为从百度搜索结果进入的访客", "被跳转到其他网站 " + elsewhere,
                    "标题由“临江县人民政府”变为");
        });
    }

    @Test
    void aRedirectOfVisitorsFromBaiduOutOfTheAllowedNetworkIsReportedThoughTheBrowserBlockedIt() throws Exception {
        FakeBrowser browser = new FakeBrowser(normal()).serve(
                v -> v.referer() != null && v.referer().contains("baidu.com"),
                new FakeSite().redirect(url, "http://www.ylc-casino.example/"));

        List<Finding> findings = inspect(browser);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("hijack.referer");
            assertThat(f.message()).contains("浏览器被带到允许访问范围之外的网站（已拦截）");
        });
    }

    @Test
    void aPageTheBrowserCannotOpenForAnyoneIsNoEvidenceOfCloaking() throws Exception {
        FakeBrowser browser = new FakeBrowser(new FakeSite().unreachable(url, "超时未打开"));

        assertThat(inspect(browser)).isEmpty();
    }
}
