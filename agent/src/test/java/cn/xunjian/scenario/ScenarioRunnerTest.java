package cn.xunjian.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.Target;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.internal.Json;
import cn.xunjian.model.Evidence;
import cn.xunjian.testing.FakeBrowser;
import cn.xunjian.testing.FakeScenarioPage;
import cn.xunjian.testing.FakeSite;
import cn.xunjian.vision.ZxingQrDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario file, loaded as users write it, run on scripted pages: the steps act on the page in order, the first
 * failing step stops the run with the page's screenshot and DOM, and a secret never leaves the page.
 */
class ScenarioRunnerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);
    private static final String SECRET = ScenarioFixtures.SECRET;
    private static final String ORIGIN = "http://127.0.0.1:8080";
    private static final String LOGIN = ORIGIN + "/login.html";

    @TempDir
    Path dir;

    private final FakeSite site = new FakeSite()
            .page(ORIGIN + "/", ScenarioFixtures.HOME_PAGE)
            .page(LOGIN, ScenarioFixtures.LOGIN_PAGE)
            // the fake runs no scripts: this is the login button's onclick, which echoes what was typed, the
            // password too, as careless pages do
            .onClick(LOGIN, Target.css("#go"), p -> p.dom().getElementById("out").text("欢迎 "
                    + p.value(Target.css("#u")) + "，口令 " + p.value(Target.css("#p")) + "，编号 XJ-"
                    + p.value(Target.css("#dept")) + (p.checked(Target.css("#agree")) ? "-ok" : "")));
    private final FakeBrowser browser = new FakeBrowser(site);

    private ScenarioResult run(String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, json, StandardCharsets.UTF_8);
        Scenario scenario = new ScenarioLoader(EngineSettings.standard()).load(file);
        SiteEvidence evidence = new SiteEvidence(new EvidenceStore(dir.resolve("run"), CLOCK), "site-01");
        try (BrowserPages pages = new BrowserPages(browser)) {
            return new ScenarioRunner(pages, evidence, image -> "", new ZxingQrDecoder(),
                    Map.of("PORTAL_PW", SECRET)::get, EngineSettings.standard())
                    .run(scenario, Map.of("site.url", ORIGIN + "/", "site.origin", ORIGIN));
        }
    }

    private String read(String path) throws IOException {
        return Files.readString(dir.resolve("run").resolve(path), StandardCharsets.UTF_8);
    }

    @Test
    void theStepsActOnThePageInTheOrderWrittenAndAllPass() throws IOException {
        ScenarioResult result = run("login-ok.json", ScenarioFixtures.LOGIN_SCENARIO);

        assertThat(result.passed()).as(result.failedStep().map(StepResult::detail).orElse("")).isTrue();
        assertThat(result.steps()).extracting(StepResult::step).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(result.steps()).extracting(StepResult::action).containsExactly("goto", "click", "expectUrl", "fill",
                "fill", "select", "check", "click", "expectText", "extract", "expectText", "screenshot");
        assertThat(result.steps()).allSatisfy(s -> assertThat(s.status()).isEqualTo(StepResult.Status.PASSED));
        assertThat(result.steps().get(0).detail()).isEqualTo("HTTP 200");
        assertThat(result.extracted()).containsEntry("code", "XJ-zf-ok");
        assertThat(result.startUrl()).isEqualTo(ORIGIN + "/");
        assertThat(result.finalUrl()).isEqualTo(LOGIN);
        assertThat(result.evidence()).extracting(Evidence::type).containsExactly("screenshot");

        FakeScenarioPage page = browser.pages().get(0);
        assertThat(browser.opened()).extracting(o -> o.visitor().profile()).containsExactly(DeviceProfile.DESKTOP);
        assertThat(page.actions()).extracting(FakeScenarioPage.Action::verb)
                .containsExactly("goto", "click", "fill", "fill", "select", "check", "click");
        assertThat(page.actions()).filteredOn(a -> a.verb().equals("fill"))
                .extracting(FakeScenarioPage.Action::value, FakeScenarioPage.Action::secret)
                .containsExactly(tuple("巡检员", false), tuple(SECRET, true));
        assertThat(page.closed()).isTrue();
    }

    @Test
    void aFailingExpectTextStopsTheScenarioWithTheFailureAndTheScreenshotAndDomOfThePage() throws IOException {
        ScenarioResult result = run("expect.json", """
                {
                  "name": "等不到的文字",
                  "indicator": "W-V5",
                  "timeoutMs": 300,
                  "steps": [
                    { "action": "goto", "url": "${site.origin}/login.html" },
                    { "action": "expectText", "text": "这句话不会出现" },
                    { "action": "click", "target": { "css": "#go" } },
                    { "action": "screenshot", "name": "never" }
                  ]
                }
                """);

        assertThat(result.passed()).isFalse();
        assertThat(result.steps()).extracting(StepResult::status).containsExactly(StepResult.Status.PASSED,
                StepResult.Status.FAILED, StepResult.Status.SKIPPED, StepResult.Status.SKIPPED);
        StepResult failed = result.failedStep().orElseThrow();
        assertThat(failed.step()).isEqualTo(2);
        assertThat(failed.line()).isEqualTo(7);
        assertThat(failed.detail()).isEqualTo("页面未出现文字 \"这句话不会出现\"");
        assertThat(result.evidence()).extracting(Evidence::type).containsExactly("screenshot", "html");
        assertThat(failed.evidence()).containsExactlyElementsOf(result.evidence().stream().map(Evidence::path).toList());
        assertThat(read(result.evidence().get(1).path())).contains("<label for=\"u\">用户名</label>");
        assertThat(browser.pages().get(0).actions()).extracting(FakeScenarioPage.Action::verb).containsExactly("goto");
    }

    @Test
    void aTargetThatMatchesNothingFailsItsStepAndTheRestIsSkipped() throws IOException {
        ScenarioResult result = run("missing.json", ScenarioFixtures.MISSING_BUTTON_SCENARIO);

        assertThat(result.passed()).isFalse();
        assertThat(result.failedStep()).get().satisfies(s -> {
            assertThat(s.step()).isEqualTo(2);
            assertThat(s.detail()).contains("1500 毫秒内未找到", "我要咨询");
        });
        assertThat(result.steps().get(2).status()).isEqualTo(StepResult.Status.SKIPPED);
    }

    @Test
    void aSecretNeverAppearsInTheResultOrItsEvidenceThoughThePageEchoesIt() throws IOException {
        ScenarioResult result = run("secret.json", ScenarioFixtures.secretScenario(300));

        assertThat(browser.pages().get(0).value(Target.css("#p"))).isEqualTo(SECRET);
        assertThat(result.passed()).isFalse();
        assertThat(result.extracted()).containsEntry("echo", "欢迎 巡检员，口令 ******，编号 XJ-");
        String log = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result);
        assertThat(log).doesNotContain(SECRET).contains("${env:PORTAL_PW}", "口令 ******");
        assertThat(result.evidence()).extracting(Evidence::type).containsExactly("screenshot", "html");
        for (Evidence e : result.evidence()) {
            assertThat(new String(Files.readAllBytes(dir.resolve("run").resolve(e.path())), StandardCharsets.UTF_8))
                    .as(e.path()).doesNotContain(SECRET);
        }
        assertThat(read(result.evidence().get(1).path())).contains("欢迎 巡检员，口令 ******");
    }

    @Test
    void emulatingWechatReopensTheCurrentPageInTheWechatProfile() throws IOException {
        site.page(ORIGIN + "/h5.html", "<html><body><div id=\"app\">请在微信客户端打开链接</div></body></html>");
        browser.serve(v -> v.profile() == DeviceProfile.WECHAT,
                new FakeSite().page(ORIGIN + "/h5.html", "<html><body><div id=\"app\">掌上服务大厅</div></body></html>"));

        ScenarioResult result = run("wechat.json", """
                {
                  "name": "微信中打开",
                  "indicator": "M-V3",
                  "steps": [
                    { "action": "goto", "url": "${site.origin}/h5.html" },
                    { "action": "expectText", "text": "请在微信客户端打开" },
                    { "action": "emulate", "profile": "wechat" },
                    { "action": "expectText", "text": "掌上服务大厅" },
                    { "action": "expectUrl", "contains": "h5.html" }
                  ]
                }
                """);

        assertThat(result.passed()).as(result.failedStep().map(StepResult::detail).orElse("")).isTrue();
        assertThat(result.steps().get(2).detail()).isEqualTo("以 wechat 重新打开，HTTP 200");
        assertThat(browser.opened()).extracting(o -> o.visitor().profile())
                .containsExactly(DeviceProfile.DESKTOP, DeviceProfile.WECHAT);
        assertThat(browser.allClosed()).isTrue();
        assertThat(browser.pages().get(1).visited()).containsExactly(ORIGIN + "/h5.html");
    }
}
