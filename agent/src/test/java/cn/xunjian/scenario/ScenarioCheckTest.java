package cn.xunjian.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.check.Facts;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.FakeBrowser;
import cn.xunjian.testing.FakeSite;
import cn.xunjian.testing.SiteContextBuilder;
import cn.xunjian.testing.StaticAuditPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario check turns each scenario the site file lists into one finding, on a fake browser. */
class ScenarioCheckTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);
    private static final String HOME = "http://127.0.0.1:8080/";

    @TempDir
    Path dir;

    private final FakeBrowser browser = new FakeBrowser(new FakeSite().page(HOME, """
            <html><head><meta charset="utf-8"><title>临江县人民政府</title></head><body>
            <h1>临江县人民政府</h1><a href="/zmhd/">政民互动</a></body></html>""")
            .page(HOME + "zmhd/", "<html><body><h1>政民互动</h1></body></html>"));

    private void scenario(String name, String json) throws IOException {
        Files.writeString(dir.resolve(name), json, StandardCharsets.UTF_8);
    }

    private List<Finding> run(String... scenarios) {
        SiteFile site = new SiteFile("临江县人民政府", null, HOME, null, null, null, null, List.of(scenarios));
        SiteEvidence evidence = new SiteEvidence(new EvidenceStore(dir.resolve("run"), CLOCK), "site-01");
        ScenarioCheck check = new ScenarioCheck(new ScenarioLoader(), new ScenarioPaths(List.of(dir)),
                Map.<String, String>of()::get, EngineSettings.standard());
        return check.run(SiteContextBuilder.of(site, new StaticAuditPage(HOME, "<html></html>"), browser, evidence,
                null, CLOCK, new Facts()));
    }

    @Test
    void aScenarioThatPassesIsInformationWithItsStepLogFirst() throws IOException {
        scenario("home.json", """
                {
                  "name": "首页",
                  "indicator": "W-V5",
                  "steps": [
                    { "action": "goto", "url": "${site.url}" },
                    { "action": "expectText", "text": "${site.name}" },
                    { "action": "click", "target": { "text": "政民互动" } }
                  ]
                }
                """);

        List<Finding> findings = run("home.json");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("scenario.passed");
            assertThat(f.indicator()).isEqualTo("W-V5");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.url()).isEqualTo(HOME + "zmhd/");
            assertThat(f.message()).startsWith("场景「首页」3 步全部通过");
            assertThat(f.evidence()).extracting(Evidence::type).containsExactly("http");
        });
        assertThat(browser.allClosed()).isTrue();
    }

    @Test
    void aScenarioThatFailsTakesItsSeverityAndNamesTheStepItsLineAndWhy() throws IOException {
        scenario("broken.json", ScenarioFixtures.MISSING_BUTTON_SCENARIO);

        List<Finding> findings = run("broken.json");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("scenario.failed");
            assertThat(f.severity()).isEqualTo(Severity.DEDUCT);
            assertThat(f.message()).contains("场景「找不到按钮」第 2 步", "broken.json 第 8 行", "1500 毫秒内未找到",
                    "前 1 步通过，其余 1 步未执行");
            assertThat(f.evidence()).extracting(Evidence::type).containsExactly("http", "screenshot", "html");
        });
        String log = Files.readString(dir.resolve("run").resolve(findings.get(0).evidence().get(0).path()),
                StandardCharsets.UTF_8);
        assertThat(log).contains("\"status\" : \"failed\"", "\"status\" : \"skipped\"");
    }

    @Test
    void aScenarioFileThatIsMissingOrInvalidIsReportedAndNotRun() throws IOException {
        scenario("bad.json", """
                { "name": "坏文件", "steps": [ { "action": "fly" } ] }
                """);

        List<Finding> findings = run("nowhere.json", "bad.json");

        assertThat(findings).extracting(Finding::kind).containsExactly("scenario.invalid", "scenario.invalid");
        assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(findings.get(0).message()).contains("场景文件未找到", "nowhere.json");
        assertThat(findings.get(1).message()).contains("场景文件有误");
        assertThat(browser.opened()).isEmpty();
    }
}
