package cn.xunjian.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.console.account.Role;
import cn.xunjian.console.review.ReviewStatus;
import cn.xunjian.testing.FixtureServer;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in real Chromium: logging in, dismissing a finding and seeing it stay dismissed after the next run,
 * an operator confined to their site, a forged cross-origin form refused, lock-out, and no script errors on any
 * page. With {@code -Dscreenshots.update=true} it also writes the README's screenshots into
 * {@code screenshots/console/}.
 */
class ConsoleIT {
    private static Playwright playwright;
    private static Browser browser;

    @TempDir
    Path dir;
    private ConsoleFixture fx;
    private BrowserContext context;
    private final List<String> scriptErrors = new ArrayList<>();

    @BeforeAll
    static void launch() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(BrowserRuntime.DEFAULT_CHROMIUM)).setHeadless(true)
                .setArgs(BrowserRuntime.FLAGS));
    }

    @AfterAll
    static void quit() {
        browser.close();
        playwright.close();
    }

    @BeforeEach
    void start() throws Exception {
        fx = new ConsoleFixture(dir);
        fx.storePortalRun();
        fx.storeEduRun();
        fx.addUser("zhang", Role.INSPECTOR);
        fx.addUser("root", Role.ADMIN);
        fx.addUser("edu-office", Role.OPERATOR, ConsoleFixture.EDU_CODE);
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("zh-CN"));
    }

    @AfterEach
    void stop() {
        context.close();
        fx.close();
    }

    private Page page() {
        return page(context);
    }

    /**
     * A page whose script errors are collected. Chromium also logs each 4xx answer as a console error ("Failed to
     * load resource"); those are answers the tests provoke on purpose, not script errors, and are left out.
     */
    private Page page(BrowserContext in) {
        Page page = in.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource")) {
                scriptErrors.add(page.url() + ": " + m.text());
            }
        });
        page.onResponse(r -> {
            if (r.status() >= 400 && java.util.Set.of("script", "stylesheet", "image", "font")
                    .contains(r.request().resourceType())) {
                scriptErrors.add(page.url() + ": " + r.url() + " answered " + r.status());
            }
        });
        page.onPageError(e -> scriptErrors.add(page.url() + ": " + e));
        return page;
    }

    private Page login(String name) {
        return login(context, name);
    }

    private Page login(BrowserContext in, String name) {
        Page page = page(in);
        page.navigate(fx.base() + "/");
        assertThat(page.url()).endsWith("/login");
        page.getByLabel("用户名").fill(name);
        page.getByLabel("密码").fill(ConsoleFixture.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        try {
            page.waitForSelector("h1:text('仪表盘')", new Page.WaitForSelectorOptions().setTimeout(5000));
        } catch (RuntimeException e) {
            throw new AssertionError("DEBUG " + page.url() + "\n" + page.content() + "\n" + scriptErrors, e);
        }
        return page;
    }

    @Test
    void anInspectorDismissesAFindingAndItStaysDismissedAfterTheNextRun() {
        Page page = login("zhang");
        page.locator("nav a[href='/sites']").click();
        page.locator("table.sites a", new Page.LocatorOptions().setHasText("临江县人民政府")).click();
        page.waitForSelector("h1:text('临江县人民政府')");
        assertThat(page.locator("p.meta").first().textContent()).contains("不合格");
        page.locator("li.finding a", new Page.LocatorOptions().setHasText("隐藏的赌博链接")).click();
        page.waitForSelector("#review-status");

        page.getByLabel("新状态").selectOption("dismissed");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交")).click();
        page.waitForSelector(".field-error");
        assertThat(page.locator(".field-error").textContent()).contains("须填写理由");
        page.getByLabel("新状态").selectOption("dismissed");
        page.getByLabel("理由或说明").fill("移出屏幕的链接是网站的无障碍跳转，非暗链");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交")).click();
        page.waitForSelector("#review-status:text('误报')");
        assertThat(page.locator("ol.history").textContent()).contains("zhang").contains("误报").contains("无障碍");

        page.locator("a", new Page.LocatorOptions().setHasText("← 临江县人民政府")).click();
        page.waitForSelector("h1:text('临江县人民政府')");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("立即巡检")).click();
        page.waitForSelector(".notice");
        page.reload();

        String runs = fx.results.completedRuns(fx.portal().site().url()).get(0).id();
        assertThat(runs).as("the next run is the one shown").startsWith("run-3-");
        assertThat(page.locator("p.meta").first().textContent()).contains("合格").doesNotContain("不合格");
        var dismissed = page.locator("li.finding", new Page.LocatorOptions().setHasText("隐藏的赌博链接"));
        assertThat(dismissed.locator(".status").textContent()).isEqualTo("误报");
        assertThat(dismissed.textContent()).contains("不计入");
        assertThat(scriptErrors).isEmpty();
    }

    @Test
    void anOperatorSeesOnlyTheirSiteAndAGuessedUrlOfAnotherIsNotFound() {
        Page page = login("edu-office");
        page.navigate(fx.base() + "/sites");
        assertThat(page.locator("table.sites").textContent()).contains("临江县教育局").doesNotContain("临江县人民政府");

        Response site = page.navigate(fx.base() + "/sites/" + ConsoleFixture.PORTAL_CODE);
        assertThat(site.status()).isEqualTo(404);
        assertThat(page.locator("h1").textContent()).isEqualTo("页面不存在");
        Response finding = page.navigate(fx.base() + "/findings/" + fx.findingId("darklink.hidden"));
        assertThat(finding.status()).isEqualTo(404);
        assertThat(page.content()).doesNotContain("赌博");
    }

    @Test
    void aFormForgedOnAnotherOriginIsRefused() {
        String veto = fx.findingId("darklink.hidden");
        try (FixtureServer attacker = new FixtureServer()) {
            // a page elsewhere that posts the console's review form without its token (the user is logged in)
            attacker.html("/win.html", "<!DOCTYPE html><html><body><form method=\"post\" action=\"" + fx.base()
                    + "/findings/" + veto + "/review\"><input type=\"hidden\" name=\"status\" value=\"dismissed\">"
                    + "<input type=\"hidden\" name=\"reason\" value=\"forged\"><button>领取奖品</button></form></body></html>");
            Page page = login("zhang");
            page.navigate(attacker.url("/win.html"));
            Response answer = page.waitForNavigation(() -> page.locator("button").click());

            assertThat(answer.status()).isEqualTo(403);
            assertThat(fx.services.reviews().current(veto).status()).isEqualTo(ReviewStatus.PENDING);
        }
    }

    @Test
    void repeatedWrongPasswordsLockTheAccount() {
        Page page = page();
        for (int i = 0; i < 5; i++) {
            page.navigate(fx.base() + "/login");
            page.getByLabel("用户名").fill("zhang");
            page.getByLabel("密码").fill("wrong-" + i);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            page.waitForSelector("p.error");
        }
        assertThat(page.locator("p.error").textContent()).contains("账号已锁定");
        page.getByLabel("密码").fill(ConsoleFixture.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        page.waitForSelector("p.error");
        assertThat(page.locator("p.error").textContent()).contains("账号已锁定");
        assertThat(page.url()).endsWith("/login");
    }

    @Test
    void noPageHasAScriptErrorOnADesktopOrAPhone() throws Exception {
        String veto = fx.findingId("darklink.hidden");
        Page page = login("root");
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("dashboard", "/");
        pages.put("sites", "/sites");
        pages.put("site", "/sites/" + ConsoleFixture.PORTAL_CODE);
        pages.put("finding", "/findings/" + veto);
        pages.put("runs", "/runs");
        pages.put("circular", "/circular");
        pages.put("audit-log", "/audit-log");
        boolean update = Boolean.getBoolean("screenshots.update");
        Path shots = Path.of("..", "screenshots", "console");
        if (update) {
            Files.createDirectories(shots);
        }
        for (var e : pages.entrySet()) {
            Response r = page.navigate(fx.base() + e.getValue());
            assertThat(r.status()).as(e.getValue()).isEqualTo(200);
            page.waitForLoadState();
            if (update) {
                page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve(e.getKey() + ".png")).setFullPage(true));
            }
        }
        // the boosted navigation (htmx) runs too
        page.navigate(fx.base() + "/");
        page.locator("nav a[href='/runs']").click();
        page.waitForSelector("h1:text('巡检记录')");

        BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true).setLocale("zh-CN"));
        try {
            Page mobile = login(phone, "root");
            mobile.navigate(fx.base() + "/sites/" + ConsoleFixture.PORTAL_CODE);
            assertThat(mobile.locator("#nav").isVisible()).as("the menu folds on a phone").isFalse();
            mobile.locator(".menu-toggle").click();
            assertThat(mobile.locator("#nav").isVisible()).isTrue();
            mobile.locator(".menu-toggle").click();
            if (update) {
                mobile.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("site-phone.png")).setFullPage(true));
            }
            page.navigate(fx.base() + "/login");
        } finally {
            phone.close();
        }
        assertThat(scriptErrors).isEmpty();
    }
}
