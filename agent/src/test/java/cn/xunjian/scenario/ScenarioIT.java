package cn.xunjian.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.browser.BrowserSession;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.check.SiteContext;
import cn.xunjian.model.Evidence;
import cn.xunjian.score.IndicatorCatalogue;
import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.FixtureServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios run by real Chromium against fixture pages: steps pass, fail with evidence, and secrets stay secret. */
class ScenarioIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);
    private static final String SECRET = ScenarioFixtures.SECRET;

    @TempDir
    static Path dir;
    private static FixtureServer server;
    private static BrowserRuntime browser;

    @BeforeAll
    static void start() {
        server = new FixtureServer().html("/", ScenarioFixtures.HOME_PAGE)
                .html("/login.html", ScenarioFixtures.LOGIN_PAGE)
                .html("/h5.html", """
                        <html><head><meta charset="utf-8"></head><body><div id="app"></div>
                        <img id="qr" src="/qr.png" width="200" height="200"><script>
                        document.getElementById('app').textContent = /MicroMessenger/.test(navigator.userAgent)
                          && typeof WeixinJSBridge === 'object' ? '掌上服务大厅' : '请在微信客户端打开链接';
                        </script></body></html>""")
                .bytes("/qr.png", "image/png", qr("http://127.0.0.1/h5/index.html"));
        browser = BrowserRuntime.start(NetworkScope.LOOPBACK_ONLY);
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    private static Path scenario(String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private static Finding run(Path file, Path runDir) {
        ScenarioCheck check = new ScenarioCheck(new ScenarioLoader(), new ScenarioPaths(List.of(dir)),
                Map.of("PORTAL_PW", SECRET)::get, EngineSettings.standard());
        SiteFile site = new SiteFile("临江县人民政府", null, server.url("/"), null, null, null, null,
                List.of(file.getFileName().toString()));
        try (BrowserSession session = SiteContexts.desktop(browser)) {
            SiteContext context = SiteContexts.of(site, browser, session, runDir, CLOCK);
            List<Finding> findings = check.run(context);
            assertThat(findings).hasSize(1);
            return findings.get(0);
        }
    }

    @Test
    void aScenarioThatActsLikeACitizenPassesAndLogsEveryStep() throws IOException {
        Path file = scenario("login-ok.json", ScenarioFixtures.LOGIN_SCENARIO);
        Path runDir = dir.resolve("run-ok");
        Finding finding = run(file, runDir);
        assertThat(finding.kind()).as(finding.message()).isEqualTo("scenario.passed");
        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.message()).contains("12 步全部通过");
        assertThat(finding.evidence()).extracting(Evidence::type).containsExactly("http", "screenshot");
        String log = Files.readString(runDir.resolve(finding.evidence().get(0).path()), StandardCharsets.UTF_8);
        assertThat(log).contains("\"status\" : \"passed\"").contains("\"durationMs\"").contains("\"code\" : \"XJ-zf-ok\"")
                .doesNotContain("\"failed\"").doesNotContain(SECRET);
    }

    @Test
    void aLocatorThatMatchesNothingFailsThatStepWithAScreenshotAndTheDomAndSkipsTheRest() throws IOException {
        Path file = scenario("missing.json", ScenarioFixtures.MISSING_BUTTON_SCENARIO);
        Path runDir = dir.resolve("run-missing");
        Finding finding = run(file, runDir);
        assertThat(finding.kind()).isEqualTo("scenario.failed");
        assertThat(finding.severity()).isEqualTo(Severity.DEDUCT);
        assertThat(finding.message()).contains("第 2 步").contains("missing.json 第 8 行").contains("1500 毫秒内未找到")
                .contains("其余 1 步未执行");
        assertThat(finding.evidence()).extracting(Evidence::type).containsExactly("http", "screenshot", "html");
        assertThat(Files.size(runDir.resolve(finding.evidence().get(1).path()))).isGreaterThan(1000);
        assertThat(Files.readString(runDir.resolve(finding.evidence().get(2).path()), StandardCharsets.UTF_8))
                .contains("登录");
        String log = Files.readString(runDir.resolve(finding.evidence().get(0).path()), StandardCharsets.UTF_8);
        assertThat(log).contains("\"status\" : \"failed\"").contains("\"status\" : \"skipped\"");
    }

    @Test
    void aSecretNeverAppearsInTheFindingTheStepLogOrTheDomEvenWhenThePageEchoesIt() throws IOException {
        Path file = scenario("secret.json", ScenarioFixtures.secretScenario(1500));
        Path runDir = dir.resolve("run-secret");
        Finding finding = run(file, runDir);
        assertThat(finding.kind()).isEqualTo("scenario.failed");
        assertThat(finding.message()).doesNotContain(SECRET);
        for (Evidence e : finding.evidence()) {
            String text = new String(Files.readAllBytes(runDir.resolve(e.path())), StandardCharsets.UTF_8);
            assertThat(text).as(e.path()).doesNotContain(SECRET);
        }
        String log = Files.readString(runDir.resolve(finding.evidence().get(0).path()), StandardCharsets.UTF_8);
        assertThat(log).contains("口令 ******").contains("${env:PORTAL_PW}");
        String dom = Files.readString(runDir.resolve(finding.evidence().get(2).path()), StandardCharsets.UTF_8);
        assertThat(dom).contains("欢迎 巡检员，口令 ******");
    }

    private static byte[] qr(String text) {
        try {
            var matrix = new com.google.zxing.qrcode.QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE,
                    200, 200);
            var out = new java.io.ByteArrayOutputStream();
            com.google.zxing.client.j2se.MatrixToImageWriter.writeToStream(matrix, "png", out);
            return out.toByteArray();
        } catch (com.google.zxing.WriterException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void emulatingWechatOpensAWechatOnlyPageAndAQrCodeIsDecodedIntoAVariable() throws IOException {
        Path file = scenario("wechat.json", """
                {
                  "name": "微信中打开",
                  "indicator": "M-V3",
                  "steps": [
                    { "action": "goto", "url": "${site.origin}/h5.html" },
                    { "action": "expectText", "text": "请在微信客户端打开" },
                    { "action": "decodeQr", "target": { "css": "#qr" }, "into": "link", "expect": "/h5/" },
                    { "action": "emulate", "profile": "wechat" },
                    { "action": "expectText", "text": "掌上服务大厅" },
                    { "action": "expectUrl", "contains": "h5.html" }
                  ]
                }
                """);
        Path runDir = dir.resolve("run-wechat");
        Finding finding = run(file, runDir);
        assertThat(finding.kind()).as(finding.message()).isEqualTo("scenario.passed");
        assertThat(finding.evidence()).extracting(Evidence::type).containsExactly("http", "qr", "qr");
        String log = Files.readString(runDir.resolve(finding.evidence().get(0).path()), StandardCharsets.UTF_8);
        assertThat(log).contains("\"link\" : \"http://127.0.0.1/h5/index.html\"").contains("以 wechat 重新打开");
    }

    @Test
    void theShippedLibraryScenariosAllLoad() {
        ScenarioLoader loader = new ScenarioLoader(EngineSettings.standard());
        Path library = Path.of("..", "scenarios", "library");
        for (String name : List.of("consultation.json", "search.json", "homepage-smoke.json")) {
            Scenario s = loader.load(library.resolve(name));
            assertThat(s.steps()).isNotEmpty();
        }
    }
}
