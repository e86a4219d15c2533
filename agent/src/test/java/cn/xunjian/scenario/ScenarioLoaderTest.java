package cn.xunjian.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.Target;
import cn.xunjian.model.Severity;
import cn.xunjian.cli.Main;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private Path withSteps(String steps) throws IOException {
        return write("s.json", """
                {
                  "name": "测试",
                  "indicator": "W-V5",
                  "steps": [
                %s
                  ]
                }
                """.formatted(steps));
    }

    @Test
    void readsEveryKindOfStepWithItsLineAndLocator() throws IOException {
        Path file = write("all.json", """
                {
                  "$schema": "../scenario.schema.json",
                  "name": "全部步骤",
                  "indicator": "W-D3",
                  "onFailure": "deduct",
                  "timeoutMs": 5000,
                  "variables": { "q": "政府" },
                  "steps": [
                    { "action": "goto", "url": "${site.url}" },
                    { "action": "click", "target": { "role": "button", "name": "搜索" }, "timeoutMs": 2000 },
                    { "action": "fill", "target": { "label": "关键词" }, "value": "${q}" },
                    { "action": "select", "target": { "css": "select#type" }, "option": "全部" },
                    { "action": "check", "target": { "text": "同意" }, "checked": false },
                    { "action": "press", "key": "Enter" },
                    { "action": "waitFor", "target": { "placeholder": "请输入" }, "state": "hidden" },
                    { "action": "expectText", "text": "结果" },
                    { "action": "expectVisible", "target": { "css": ".result" } },
                    { "action": "expectUrl", "matches": "search\\\\?q=" },
                    { "action": "screenshot", "name": "results" },
                    { "action": "ocr", "region": { "x": 0, "y": 0, "width": 100, "height": 40 }, "into": "mark" },
                    { "action": "decodeQr", "target": { "css": "img.qr" }, "into": "link" },
                    { "action": "emulate", "profile": "wechat" },
                    { "action": "extract", "target": { "css": ".count" }, "into": "count", "pattern": "共(\\\\d+)条" }
                  ]
                }
                """);
        Scenario s = new ScenarioLoader().load(file);
        assertThat(s.name()).isEqualTo("全部步骤");
        assertThat(s.onFailure()).isEqualTo(Severity.DEDUCT);
        assertThat(s.timeout()).hasMillis(5000);
        assertThat(s.steps()).hasSize(15);
        assertThat(s.steps().get(0).line()).isEqualTo(9);
        assertThat(s.steps().get(1)).isEqualTo(new Step.Click(10, java.time.Duration.ofMillis(2000),
                Target.role("button", "搜索")));
        assertThat(((Step.Check) s.steps().get(4)).checked()).isFalse();
        assertThat(((Step.Emulate) s.steps().get(13)).profile()).isEqualTo(DeviceProfile.WECHAT);
        assertThat(s.steps()).extracting(Step::action).containsExactly("goto", "click", "fill", "select", "check",
                "press", "waitFor", "expectText", "expectVisible", "expectUrl", "screenshot", "ocr", "decodeQr",
                "emulate", "extract");
    }

    @Test
    void anUnknownStepNamesFileLineAndStep() throws IOException {
        Path file = withSteps("""
                    { "action": "goto", "url": "http://127.0.0.1/" },
                    { "action": "tap", "target": { "text": "提交" } }""");
        assertThatThrownBy(() -> new ScenarioLoader().load(file)).isInstanceOf(ScenarioFileException.class)
                .hasMessageContaining("s.json").hasMessageContaining("第 6 行").hasMessageContaining("第 2 步")
                .hasMessageContaining("未知步骤 \"tap\"");
    }

    @Test
    void aMissingFieldNamesTheStepAndTheField() throws IOException {
        Path file = withSteps("""
                    { "action": "goto", "url": "http://127.0.0.1/" },
                    { "action": "fill",
                      "target": { "css": "#title" } }""");
        assertThatThrownBy(() -> new ScenarioLoader().load(file))
                .hasMessageContaining("第 6 行").hasMessageContaining("第 2 步（fill）")
                .hasMessageContaining("缺少必填字段 \"value\"");
    }

    @Test
    void aBadLocatorIsRejectedWithTheLineOfTheLocator() throws IOException {
        Path twoKinds = withSteps("""
                    { "action": "click",
                      "target": { "css": "#a", "text": "提交" } }""");
        assertThatThrownBy(() -> new ScenarioLoader().load(twoKinds)).hasMessageContaining("第 6 行")
                .hasMessageContaining("恰好给出");
        Path badCss = withSteps("""
                    { "action": "click", "target": { "css": "div[[" } }""");
        assertThatThrownBy(() -> new ScenarioLoader().load(badCss)).hasMessageContaining("第 5 行")
                .hasMessageContaining("CSS 选择器无效");
        Path badRole = withSteps("""
                    { "action": "click", "target": { "role": "knopf", "name": "提交" } }""");
        assertThatThrownBy(() -> new ScenarioLoader().load(badRole)).hasMessageContaining("未知 ARIA 角色");
        Path unknownKind = withSteps("""
                    { "action": "click", "target": { "xpath": "//a" } }""");
        assertThatThrownBy(() -> new ScenarioLoader().load(unknownKind)).hasMessageContaining("未知定位方式 \"xpath\"");
    }

    @Test
    void badVariablesUnknownFieldsAndIndicatorsAreErrors() throws IOException {
        Path badRef = withSteps("""
                    { "action": "goto", "url": "${site url}" }""");
        assertThatThrownBy(() -> new ScenarioLoader().load(badRef)).hasMessageContaining("变量引用格式错误");
        Path extra = withSteps("""
                    { "action": "goto", "url": "http://127.0.0.1/", "wait": 3 }""");
        assertThatThrownBy(() -> new ScenarioLoader().load(extra)).hasMessageContaining("未知字段 \"wait\"");
        Path indicator = write("i.json", "{\"name\": \"x\", \"indicator\": \"W-X9\", \"steps\": [{\"action\": \"goto\", \"url\": \"http://a/\"}]}");
        assertThatThrownBy(() -> new ScenarioLoader().load(indicator)).hasMessageContaining("未知指标");
        Path broken = write("b.json", "{\n  \"name\": \"x\",\n  \"steps\": [\n}");
        assertThatThrownBy(() -> new ScenarioLoader().load(broken)).hasMessageContaining("JSON 格式错误")
                .hasMessageContaining("第 4 行");
    }

    @Test
    void theCliExitsTwoBeforeAnyBrowserStartsWhenAListedScenarioIsBad() throws IOException {
        withSteps("""
                    { "action": "goto", "url": "http://127.0.0.1/" },
                    { "action": "clickk", "target": { "text": "提交" } }""");
        Path site = write("site.json", """
                {
                  "name": "某局",
                  "url": "http://127.0.0.1:9/",
                  "scenarios": [ "s.json", "missing.json" ]
                }
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"audit", site.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("s.json").contains("第 6 行").contains("第 2 步").contains("clickk");
    }

    @Test
    void aMissingScenarioIsAConfigurationErrorNamingTheSiteFileLine() throws IOException {
        Path site = write("site2.json", """
                {
                  "name": "某局",
                  "url": "http://127.0.0.1:9/",
                  "scenarios": [
                    "nowhere/missing.json"
                  ]
                }
                """);
        assertThatThrownBy(() -> new ScenarioPreflight().check(new cn.xunjian.site.SiteFileLoader().load(site), site))
                .isInstanceOf(ScenarioFileException.class).hasMessageContaining("site2.json")
                .hasMessageContaining("第 5 行").hasMessageContaining("找不到场景文件");
    }

    @Test
    void theSchemaListsExactlyTheStepsTheLoaderKnowsAndTheLibraryUsesIt() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Path.of("..", "scenarios", "scenario.schema.json").toFile());
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        Set<String> inSchema = new TreeSet<>();
        schema.at("/$defs/step/properties/action/enum").forEach(n -> inSchema.add(n.asText()));
        assertThat(inSchema).isEqualTo(ScenarioLoader.actions());
        for (String name : ScenarioLoader.actions()) {
            assertThat(schema.at("/$defs/" + name + "/properties/action/const").asText()).isEqualTo(name);
        }
        for (String name : new String[] {"consultation.json", "search.json", "homepage-smoke.json"}) {
            JsonNode lib = new ObjectMapper().readTree(Path.of("..", "scenarios", "library", name).toFile());
            assertThat(lib.get("$schema").asText()).isEqualTo("../scenario.schema.json");
        }
    }

    @Test
    void theSchemaDescribesExactlyTheStepRecordsOfTheSealedHierarchyAndTheirFields() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Path.of("..", "scenarios", "scenario.schema.json").toFile());
        Set<String> inSchema = new TreeSet<>();
        schema.at("/$defs/step/properties/action/enum").forEach(n -> inSchema.add(n.asText()));
        Set<String> permitted = new TreeSet<>();
        for (Class<?> kind : Step.class.getPermittedSubclasses()) {
            String name = kind.getAnnotation(JsonTypeName.class).value();
            permitted.add(name);
            Set<String> fields = new TreeSet<>();
            schema.at("/$defs/" + name + "/properties").fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(name).isEqualTo(StepKinds.fields(kind));
        }
        assertThat(inSchema).isEqualTo(permitted);
    }

    @Test
    void aStepMayCarryANoteButNotALineOfItsOwn() throws IOException {
        Path noted = withSteps("""
                    { "action": "goto", "url": "http://127.0.0.1/", "note": "首页" }""");
        assertThat(new ScenarioLoader().load(noted).steps().get(0).line()).isEqualTo(5);
        Path lined = withSteps("""
                    { "action": "goto", "url": "http://127.0.0.1/", "line": 1 }""");
        assertThatThrownBy(() -> new ScenarioLoader().load(lined)).hasMessageContaining("第 5 行")
                .hasMessageContaining("第 1 步（goto）").hasMessageContaining("未知字段 \"line\"");
    }

    @Test
    void aValueOfTheWrongTypeIsAnErrorNotReadAsText() throws IOException {
        Path number = withSteps("""
                    { "action": "fill", "target": { "css": "#t" },
                      "value": 3 }""");
        assertThatThrownBy(() -> new ScenarioLoader().load(number)).hasMessageContaining("第 6 行")
                .hasMessageContaining("第 1 步（fill）").hasMessageContaining("应为字符串");
        Path timeout = withSteps("""
                    { "action": "goto", "url": "http://127.0.0.1/", "timeoutMs": 1.5 }""");
        assertThatThrownBy(() -> new ScenarioLoader().load(timeout)).hasMessageContaining("应为 1 到 120000 之间的整数");
        Path profile = withSteps("""
                    { "action": "emulate", "profile": "phone" }""");
        assertThatThrownBy(() -> new ScenarioLoader().load(profile))
                .hasMessageContaining("取值应为 desktop / mobile / wechat，实际为 \"phone\"");
    }
}
