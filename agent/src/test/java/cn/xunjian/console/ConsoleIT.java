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
        pages.put("site-new", "/sites/new");
        pages.put("site-edit", "/sites/" + ConsoleFixture.PORTAL_CODE + "/edit");
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

    @Test
    void anAdminAddsASiteFixesTheFieldTheFormNamedAndTheSiteSurvivesARestartOfTheConsole() throws Exception {
        String portalFile = Files.readString(fx.portal().file(), java.nio.charset.StandardCharsets.UTF_8);
        Page page = login("root");
        page.locator("nav a[href='/sites']").click();
        page.locator("a", new Page.LocatorOptions().setHasText("新增网站")).click();
        page.waitForSelector("h1:text('新增网站')");
        page.getByLabel("网站名称").fill("临江县卫生健康局");
        page.getByLabel("首页地址").fill("wsjkw.linjiang.gov.cn");
        page.getByLabel("网站标识码").fill("3301850077");
        page.getByLabel("网站类型").selectOption("department");
        page.getByLabel("最多巡检页数").fill("300");
        page.getByLabel("其他设置").fill("{\"webviews\": [{\"name\": \"掌上卫健\", \"url\": \"" + fx.web.url("/health/h5/")
                + "\"}]}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();

        page.waitForSelector(".field-error[data-field='url']");
        shoot(page, "site-form.png");
        assertThat(page.locator(".field-error").count()).as("only the field at fault is marked").isEqualTo(1);
        assertThat(page.locator(".field-error[data-field='url']").textContent())
                .isEqualTo("应为 http:// 或 https:// 开头的网址，实际为 \"wsjkw.linjiang.gov.cn\"");
        assertThat(page.getByLabel("网站名称").inputValue()).as("what was typed stays").isEqualTo("临江县卫生健康局");
        assertThat(fx.services.registry().all()).as("nothing stored").hasSize(2);

        String health = fx.web.url("/health/");
        page.getByLabel("首页地址").fill(health);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        page.waitForSelector("h1:text('临江县卫生健康局')");
        assertThat(page.locator(".notice").textContent()).contains("网站已保存");
        assertThat(page.locator(".origin").first().textContent()).isEqualTo("控制台");
        assertThat(fx.installed).extracting(s -> s.site().url()).containsExactly(health);
        assertThat(fx.installed.get(0).site().webviews()).singleElement()
                .satisfies(w -> assertThat(w.name()).isEqualTo("掌上卫健"));
        assertThat(fx.installed.get(0).site().maxPages()).isEqualTo(300);
        assertThat(fx.services.log().recent(20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("site.add");
            assertThat(e.actor()).isEqualTo("root");
            assertThat(e.address()).isEqualTo("127.0.0.1");
            assertThat(e.detail()).contains("临江县卫生健康局", health, "掌上卫健");
        });

        // a site file's site: a duplicate 网站标识码 is refused, a new name is stored as an override, the file stays
        page.navigate(fx.base() + "/sites/" + ConsoleFixture.PORTAL_CODE + "/edit");
        assertThat(page.getByLabel("网站名称").inputValue()).isEqualTo("临江县人民政府");
        page.getByLabel("网站标识码").fill("3301850077");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        page.waitForSelector(".field-error[data-field='siteCode']");
        assertThat(page.locator(".field-error").textContent()).isEqualTo("网站标识码与已有网站“临江县卫生健康局”重复");
        page.getByLabel("网站标识码").fill(ConsoleFixture.PORTAL_CODE);
        page.getByLabel("网站名称").fill("临江县人民政府门户网站");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        page.waitForSelector("h1:text('临江县人民政府门户网站')");
        assertThat(Files.readString(fx.portal().file(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(portalFile);

        fx.restart();
        Response sites = page.navigate(fx.base() + "/sites");
        assertThat(sites.status()).isEqualTo(200);
        var rows = page.locator("table.sites tbody tr");
        assertThat(rows.count()).isEqualTo(3);
        assertThat(rows.nth(0).textContent()).contains("临江县人民政府门户网站", "站点文件（控制台已修改）");
        assertThat(rows.nth(1).textContent()).contains("临江县教育局", "站点文件");
        assertThat(rows.nth(2).textContent()).contains("临江县卫生健康局", "控制台", health);
        page.locator("table.sites a", new Page.LocatorOptions().setHasText("临江县卫生健康局")).click();
        page.waitForSelector("h1:text('临江县卫生健康局')");
        assertThat(page.url()).endsWith("/sites/3301850077");
        assertThat(scriptErrors).isEmpty();
    }

    @Test
    void anInspectorAndAnOperatorAreRefusedTheSiteFormsAndAForgedPostWithTheirOwnTokenToo() throws Exception {
        for (String name : List.of("zhang", "edu-office")) {
            BrowserContext own = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"));
            try {
                Page page = login(own, name);
                page.navigate(fx.base() + "/sites");
                assertThat(page.locator("a", new Page.LocatorOptions().setHasText("新增网站")).count()).isZero();
                String csrf = page.locator("input[name=_csrf]").first().inputValue();
                assertThat(csrf).isNotBlank();
                assertThat(page.navigate(fx.base() + "/sites/new").status()).as(name).isEqualTo(403);
                assertThat(page.navigate(fx.base() + "/sites/" + ConsoleFixture.EDU_CODE + "/edit").status())
                        .as(name).isEqualTo(403);
                assertThat(page.locator("h1").textContent()).isEqualTo("无权操作");
                var form = com.microsoft.playwright.options.FormData.create().set("_csrf", csrf)
                        .set("name", "伪造网站").set("url", fx.web.url("/forged/")).set("kind", "portal");
                assertThat(page.request().post(fx.base() + "/sites/new",
                        com.microsoft.playwright.options.RequestOptions.create().setForm(form)).status())
                        .as(name).isEqualTo(403);
                assertThat(page.request().post(fx.base() + "/sites/" + ConsoleFixture.EDU_CODE + "/edit",
                        com.microsoft.playwright.options.RequestOptions.create().setForm(form)).status())
                        .as(name).isEqualTo(403);
            } finally {
                own.close();
            }
        }
        assertThat(fx.services.registry().all()).extracting(s -> s.site().name())
                .containsExactly("临江县人民政府", "临江县教育局");
        assertThat(fx.installed).isEmpty();
        assertThat(fx.services.log().recent(50)).filteredOn(e -> e.action().equals("site.forbidden"))
                .extracting(e -> e.actor()).contains("zhang", "edu-office");

        // the API offers no way to add a site
        java.net.http.HttpResponse<String> api = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(fx.base() + "/api/v1/sites"))
                        .header("Authorization", "Bearer " + fx.token("root")).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"x\", \"url\": \""
                                + fx.web.url("/api/") + "\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(api.statusCode()).isIn(404, 405);
        assertThat(fx.services.registry().all()).hasSize(2);
    }

    @Test
    void aHijackFindingShowsItsTwoCapturesSideBySideWithLabelsHashesAndVerifyAndStackedOnAPhone() throws Exception {
        String runId = fx.storeEduHijackRun();
        var finding = fx.results.findings(runId).stream().filter(f -> f.kind().equals("hijack.spider"))
                .findFirst().orElseThrow();
        String url = fx.base() + "/findings/" + finding.id();
        Page page = login("zhang");
        page.navigate(url);
        var captures = page.locator("figure.capture");
        assertThat(captures.count()).isEqualTo(2);
        assertThat(captures.nth(0).locator(".capture-label").textContent()).isEqualTo("普通访问");
        assertThat(captures.nth(1).locator(".capture-label").textContent()).isEqualTo("百度蜘蛛（PC）");
        String normalHash = finding.evidence().get(4).sha256();
        String spiderHash = finding.evidence().get(5).sha256();
        assertThat(captures.nth(0).locator("code.hash").textContent()).isEqualTo(normalHash);
        assertThat(captures.nth(1).locator("code.hash").textContent()).isEqualTo(spiderHash).isNotEqualTo(normalHash);
        assertThat(captures.nth(0).locator(".verify").textContent()).isEqualTo("完好");
        assertThat(captures.nth(1).textContent()).contains("hijack.spider-variant.html");
        for (int i = 0; i < 2; i++) {
            assertThat((Boolean) captures.nth(i).locator("img").evaluate("i => i.complete && i.naturalWidth > 0"))
                    .as("capture %d loaded", i).isTrue();
        }
        var left = captures.nth(0).boundingBox();
        var right = captures.nth(1).boundingBox();
        assertThat(Math.abs(left.y - right.y)).as("side by side").isLessThan(2.0);
        assertThat(right.x).isGreaterThanOrEqualTo(left.x + left.width);
        shoot(page, "hijack.png");

        BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true).setLocale("zh-CN"));
        try {
            Page mobile = login(phone, "zhang");
            mobile.navigate(url);
            var top = mobile.locator("figure.capture").nth(0).boundingBox();
            var below = mobile.locator("figure.capture").nth(1).boundingBox();
            assertThat(below.y).as("stacked on a phone").isGreaterThanOrEqualTo(top.y + top.height);
            assertThat(Math.abs(below.x - top.x)).isLessThan(2.0);
            assertThat(top.width).isLessThanOrEqualTo(390.0);
            shoot(mobile, "hijack-phone.png");
        } finally {
            phone.close();
        }

        // the spider's capture altered after the run: verify no longer accepts it, and the page says so
        Path shot = fx.results.run(runId).orElseThrow().runDir().resolve(finding.evidence().get(5).path());
        Files.write(shot, new byte[] {1, 2, 3});
        page.navigate(url);
        assertThat(page.locator("figure.capture").nth(1).locator(".verify").textContent()).isEqualTo("已被改动");
        assertThat(page.locator("figure.capture").nth(0).locator(".verify").textContent()).isEqualTo("完好");
        assertThat(scriptErrors).isEmpty();
    }

    /** With {@code -Dscreenshots.update=true}: the page, whole, into the README's screenshots. */
    private static void shoot(Page page, String name) throws java.io.IOException {
        if (Boolean.getBoolean("screenshots.update")) {
            Path shots = Path.of("..", "screenshots", "console");
            Files.createDirectories(shots);
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve(name)).setFullPage(true));
        }
    }
}
