package cn.xunjian.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.PageActionException;
import cn.xunjian.browser.PageLoad;
import cn.xunjian.browser.ScenarioPage;
import cn.xunjian.browser.Target;
import cn.xunjian.browser.WebBrowser;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fakes keep the page port's contract: what the checks' unit tests rely on them for. */
class FakeScenarioPageTest {
    private static final String ORIGIN = "http://127.0.0.1:8080";
    private static final Duration T = Duration.ofSeconds(5);

    private final FakeSite site = new FakeSite()
            .page(ORIGIN + "/", """
                    <html><head><title>某县人民政府</title></head><body>
                    <a href="/news/">新闻中心</a>
                    <form action="/search"><input name="q" placeholder="请输入关键词"><button>搜索</button></form>
                    <div style="display:none">隐藏的公告</div>
                    <p hidden>也看不见</p><p>欢迎访问</p>
                    <label for="u">用户名</label><input id="u" name="u">
                    <button id="go" disabled>登录</button>
                    </body></html>""")
            .page(ORIGIN + "/news/", "<html><body><h1>新闻中心</h1></body></html>")
            .page(ORIGIN + "/search", "<html><body>检索结果</body></html>");

    @Test
    void clickingALinkFollowsItAndNavigatingReturnsTheStatus() {
        FakeScenarioPage page = new FakeScenarioPage(site);

        assertThat(page.navigate(ORIGIN + "/", T)).isEqualTo(200);
        page.click(Target.role("link", "新闻"), T);

        assertThat(page.url()).isEqualTo(ORIGIN + "/news/");
        assertThat(page.bodyText()).isEqualTo("新闻中心");
        assertThat(page.navigate(ORIGIN + "/nowhere.html", T)).isEqualTo(404);
        assertThat(page.failedResponses()).containsExactly("404 " + ORIGIN + "/nowhere.html");
    }

    @Test
    void pressingEnterInAFieldSubmitsItsFormWithTheFilledValue() {
        FakeScenarioPage page = new FakeScenarioPage(site);
        page.navigate(ORIGIN + "/", T);

        page.fill(new Target(Target.Kind.PLACEHOLDER, "关键词", null), "冬季 安全", false, T);
        page.press(Target.css("input[name=q]"), "Enter", T);

        assertThat(page.url()).isEqualTo(ORIGIN + "/search?q=%E5%86%AC%E5%AD%A3+%E5%AE%89%E5%85%A8");
        assertThat(page.bodyText()).isEqualTo("检索结果");
        assertThat(page.submissions()).singleElement().satisfies(s -> {
            assertThat(s.method()).isEqualTo("get");
            assertThat(s.fields()).containsEntry("q", "冬季 安全");
        });
        assertThat(page.actions()).extracting(FakeScenarioPage.Action::verb).containsExactly("goto", "fill", "press");
    }

    @Test
    void theBodyTextIsWhatACitizenSeesAndTargetsAreFoundTheWayLocatorsFindThem() {
        FakeScenarioPage page = new FakeScenarioPage(site);
        page.navigate(ORIGIN + "/", T);

        assertThat(page.bodyText()).contains("欢迎访问").doesNotContain("隐藏的公告", "也看不见");
        assertThat(page.count(Target.text("隐藏的公告"))).isEqualTo(1);
        assertThat(page.visible(Target.text("隐藏的公告"))).isFalse();
        assertThat(page.count(Target.label("用户名"))).isEqualTo(1);
        assertThat(page.enabled(Target.css("#go"))).isFalse();
        assertThat(page.count(Target.css(".nothing"))).isZero();
    }

    @Test
    void anActionOnAMissingOrDisabledElementFailsWithTheMessageOfTheRealPage() {
        FakeScenarioPage page = new FakeScenarioPage(site);
        page.navigate(ORIGIN + "/", T);

        assertThatThrownBy(() -> page.click(Target.role("button", "我要咨询"), Duration.ofMillis(1500)))
                .isInstanceOf(PageActionException.class)
                .hasMessage("点击失败：1500 毫秒内未找到可操作的元素（角色 button\"我要咨询\"）");
        assertThatThrownBy(() -> page.click(Target.css("#go"), T)).isInstanceOf(PageActionException.class);
        assertThatThrownBy(() -> page.navigate("http://www.example.gov.cn/", T))
                .hasMessageContaining("超出允许访问的网络范围");
    }

    @Test
    void aScriptedClickReplacesWhatTheBrowserWouldDoAndCanRaiseEvents() {
        site.onClick(ORIGIN + "/", Target.css("form button"), p -> {
            p.dialog("请输入关键词");
            p.scriptError("ReferenceError: doSearch is not defined");
        });
        FakeScenarioPage page = new FakeScenarioPage(site);
        page.navigate(ORIGIN + "/", T);

        page.click(Target.text("搜索"), T);

        assertThat(page.url()).isEqualTo(ORIGIN + "/");
        assertThat(page.submissions()).isEmpty();
        assertThat(page.dialogs()).containsExactly("请输入关键词");
        assertThat(page.scriptErrors()).containsExactly("ReferenceError: doSearch is not defined");
    }

    @Test
    void theFakeBrowserShowsAVariantToTheVisitorsItMatchesAndRecordsWhoCame() {
        FakeBrowser browser = new FakeBrowser(site).serve(v -> v.userAgent().contains("Baiduspider"),
                new FakeSite().page(ORIGIN + "/", "<html><head><title>澳门娱乐</title></head><body></body></html>"));

        try (WebBrowser.Session spider = browser.openSession(DeviceProfile.DESKTOP, "Baiduspider/2.0");
             WebBrowser.Session wechat = browser.openSession(DeviceProfile.WECHAT)) {
            PageLoad seen = spider.load(ORIGIN + "/", T, "https://www.baidu.com/s?wd=x");
            ScenarioPage page = wechat.openPage();
            page.navigate(ORIGIN + "/", T);

            assertThat(((PageLoad.Loaded) seen).page().title()).isEqualTo("澳门娱乐");
            assertThat(page.auditPage().title()).isEqualTo("某县人民政府");
            assertThat(spider.load(ORIGIN + "/gone", T, null)).isInstanceOf(PageLoad.Loaded.class)
                    .extracting(PageLoad::status).isEqualTo(404);
        }
        assertThat(browser.allClosed()).isTrue();
        assertThat(browser.opened()).extracting(FakeBrowser.Opened::visitor).containsExactly(
                new FakeBrowser.Visitor(DeviceProfile.DESKTOP, "Baiduspider/2.0", "https://www.baidu.com/s?wd=x"),
                new FakeBrowser.Visitor(DeviceProfile.WECHAT, DeviceProfile.WECHAT.userAgent(), null),
                new FakeBrowser.Visitor(DeviceProfile.DESKTOP, "Baiduspider/2.0", null));
        assertThat(browser.pages()).singleElement().satisfies(p -> assertThat(p.closed()).isTrue());
    }

    @Test
    void aPageThatCannotBeReachedDoesNotLoadAndSaysWhy() {
        site.unreachable(ORIGIN + "/down", "连接被拒绝").redirect(ORIGIN + "/away", "http://www.ylc-casino.example/");
        FakeBrowser browser = new FakeBrowser(site);

        try (WebBrowser.Session session = browser.openSession(DeviceProfile.DESKTOP)) {
            assertThat(session.load(ORIGIN + "/down", T, null)).isInstanceOfSatisfying(PageLoad.NotLoaded.class,
                    n -> assertThat(n.reason()).isEqualTo("连接被拒绝"));
            assertThat(session.load(ORIGIN + "/away", T, null)).isInstanceOfSatisfying(PageLoad.NotLoaded.class,
                    n -> assertThat(n.reason()).isEqualTo("超出允许访问的网络范围"));
        }
    }
}
