package cn.xunjian.scenario;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.Region;
import cn.xunjian.browser.Target;
import cn.xunjian.model.Severity;
import cn.xunjian.internal.Json;
import cn.xunjian.model.IndicatorId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * Reads and validates scenario files. Every problem (bad JSON, an unknown step or field, a missing field, a bad
 * locator, a bad variable reference) becomes a {@link ScenarioFileException} naming the file, the line and the
 * step, so that the CLI can exit 2 before any browser starts.
 */
public final class ScenarioLoader {
    private static final Set<String> TOP = Set.of("$schema", "name", "description", "indicator", "onFailure",
            "timeoutMs", "variables", "steps");
    private static final Set<String> COMMON = Set.of("action", "timeoutMs", "note");
    private static final Map<String, Set<String>> FIELDS = Map.ofEntries(
            Map.entry("goto", Set.of("url")),
            Map.entry("click", Set.of("target")),
            Map.entry("fill", Set.of("target", "value")),
            Map.entry("select", Set.of("target", "option")),
            Map.entry("check", Set.of("target", "checked")),
            Map.entry("press", Set.of("target", "key")),
            Map.entry("upload", Set.of("target", "file")),
            Map.entry("waitFor", Set.of("target", "state")),
            Map.entry("expectText", Set.of("target", "text")),
            Map.entry("expectVisible", Set.of("target")),
            Map.entry("expectUrl", Set.of("contains", "matches")),
            Map.entry("screenshot", Set.of("name", "target")),
            Map.entry("ocr", Set.of("target", "region", "into", "expect")),
            Map.entry("decodeQr", Set.of("target", "region", "into", "expect")),
            Map.entry("emulate", Set.of("profile")),
            Map.entry("extract", Set.of("target", "into", "pattern")));
    private static final Set<String> LOCATOR_KINDS = Set.of("css", "text", "role", "label", "placeholder");
    private static final Set<String> WAIT_STATES = Set.of("visible", "hidden", "attached", "detached");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private final ObjectMapper mapper = Json.mapper();
    private final EngineSettings settings;

    public ScenarioLoader() {
        this(EngineSettings.standard());
    }

    public ScenarioLoader(EngineSettings settings) {
        this.settings = settings;
    }

    /** The step actions a scenario may use, in the order of the schema. */
    public static Set<String> actions() {
        return new TreeSet<>(FIELDS.keySet());
    }

    public Scenario load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioFileException(file, 0, "(文件)", "文件不存在");
        } catch (IOException e) {
            throw new ScenarioFileException(file, 0, "(文件)", "无法读取：" + e.getMessage());
        }
        JsonNode root;
        JsonLines lines;
        try {
            root = mapper.readTree(text);
            lines = JsonLines.of(mapper, text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ScenarioFileException(file, line, "(JSON)", "JSON 格式错误：" + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ScenarioFileException(file, 0, "(文件)", "无法读取：" + e.getMessage());
        }
        return new Parse(file, lines).scenario(root);
    }

    /** One parse of one file; knows where to point errors. */
    private final class Parse {
        private final Path file;
        private final JsonLines lines;
        private String where = "(根对象)";
        private String prefix = "";

        Parse(Path file, JsonLines lines) {
            this.file = file;
            this.lines = lines;
        }

        Scenario scenario(JsonNode root) {
            if (root == null || !root.isObject()) {
                throw fail("", "场景文件应为一个 JSON 对象");
            }
            unknownFields(root, TOP, "");
            String name = requiredText(root, "name");
            String indicator = requiredText(root, "indicator");
            if (IndicatorId.of(indicator).isEmpty()) {
                throw fail("indicator", "未知指标 \"" + indicator + "\"（见 INDICATORS.md）");
            }
            Severity onFailure = Severity.WARN;
            if (root.has("onFailure")) {
                String s = text(root, "onFailure");
                try {
                    onFailure = Severity.valueOf(s.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw fail("onFailure", "取值应为 veto / deduct / warn / info");
                }
            }
            Duration timeout = root.has("timeoutMs") ? timeout(root, "timeoutMs") : settings.defaultTimeout();
            Map<String, String> variables = new LinkedHashMap<>();
            if (root.has("variables")) {
                JsonNode vars = root.get("variables");
                if (!vars.isObject()) {
                    throw fail("variables", "应为对象（变量名: 取值）");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = vars.fields(); it.hasNext(); ) {
                    var e = it.next();
                    if (!VARIABLE_NAME.matcher(e.getKey()).matches()) {
                        throw fail("variables." + e.getKey(), "变量名只能含字母、数字、下划线和点");
                    }
                    if (!e.getValue().isTextual()) {
                        throw fail("variables." + e.getKey(), "变量取值应为字符串");
                    }
                    templates("variables." + e.getKey(), e.getValue().asText());
                    variables.put(e.getKey(), e.getValue().asText());
                }
            }
            JsonNode stepsNode = root.get("steps");
            if (stepsNode == null) {
                throw fail("", "缺少必填字段 \"steps\"");
            }
            if (!stepsNode.isArray() || stepsNode.isEmpty()) {
                throw fail("steps", "应为至少含一步的数组");
            }
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < stepsNode.size(); i++) {
                steps.add(step(stepsNode.get(i), i));
            }
            where = "(根对象)";
            prefix = "";
            String description = root.has("description") ? text(root, "description") : "";
            return new Scenario(file, name, description, indicator, onFailure, timeout, variables, steps);
        }

        private Step step(JsonNode node, int i) {
            prefix = "steps[" + i + "]";
            where = String.format(Locale.ROOT, "第 %d 步", i + 1);
            if (!node.isObject()) {
                throw fail("", "每一步应为一个对象，例如 {\"action\": \"click\", \"target\": {\"text\": \"提交\"}}");
            }
            JsonNode actionNode = node.get("action");
            if (actionNode == null) {
                throw fail("", "缺少必填字段 \"action\"（可用：" + String.join(", ", actions()) + "）");
            }
            String action = actionNode.asText();
            if (!FIELDS.containsKey(action)) {
                throw fail("action", "未知步骤 \"" + action + "\"（可用：" + String.join(", ", actions()) + "）");
            }
            where = String.format(Locale.ROOT, "第 %d 步（%s）", i + 1, action);
            Set<String> allowed = new TreeSet<>(COMMON);
            allowed.addAll(FIELDS.get(action));
            unknownFields(node, allowed, "");
            int line = lines.line(prefix);
            Duration timeout = node.has("timeoutMs") ? timeout(node, "timeoutMs") : null;
            return switch (action) {
                case "goto" -> new Step.Goto(line, timeout, requiredTemplate(node, "url"));
                case "click" -> new Step.Click(line, timeout, target(node, true));
                case "fill" -> new Step.Fill(line, timeout, target(node, true), requiredTemplate(node, "value"));
                case "select" -> new Step.Select(line, timeout, target(node, true), requiredTemplate(node, "option"));
                case "check" -> new Step.Check(line, timeout, target(node, true),
                        !node.has("checked") || bool(node, "checked"));
                case "press" -> new Step.Press(line, timeout, target(node, false), requiredText(node, "key"));
                case "upload" -> upload(node, line, timeout);
                case "waitFor" -> {
                    String state = node.has("state") ? text(node, "state") : "visible";
                    if (!WAIT_STATES.contains(state)) {
                        throw fail("state", "取值应为 visible / hidden / attached / detached");
                    }
                    yield new Step.WaitFor(line, timeout, target(node, true), state);
                }
                case "expectText" -> new Step.ExpectText(line, timeout, target(node, false),
                        requiredTemplate(node, "text"));
                case "expectVisible" -> new Step.ExpectVisible(line, timeout, target(node, true));
                case "expectUrl" -> expectUrl(node, line, timeout);
                case "screenshot" -> new Step.Screenshot(line, timeout,
                        node.has("name") ? text(node, "name") : "step-" + (i + 1), target(node, false));
                case "ocr", "decodeQr" -> vision(action, node, line, timeout);
                case "emulate" -> emulate(node, line, timeout);
                case "extract" -> extract(node, line, timeout);
                default -> throw new IllegalStateException(action);
            };
        }

        private Step upload(JsonNode node, int line, Duration timeout) {
            String name = requiredText(node, "file");
            Path base = file.toAbsolutePath().getParent();
            Path upload = base.resolve(name).normalize();
            if (!Files.isRegularFile(upload)) {
                throw fail("file", "要上传的文件不存在：" + upload);
            }
            return new Step.Upload(line, timeout, target(node, true), upload);
        }

        private Step expectUrl(JsonNode node, int line, Duration timeout) {
            boolean contains = node.has("contains");
            boolean matches = node.has("matches");
            if (contains == matches) {
                throw fail("", "expectUrl 需要 \"contains\" 或 \"matches\" 之一");
            }
            if (matches) {
                regex(node, "matches");
                return new Step.ExpectUrl(line, timeout, null, text(node, "matches"));
            }
            return new Step.ExpectUrl(line, timeout, requiredTemplate(node, "contains"), null);
        }

        private Step vision(String action, JsonNode node, int line, Duration timeout) {
            Target target = target(node, false);
            Region region = node.has("region") ? region(node.get("region")) : null;
            if ((target == null) == (region == null)) {
                throw fail("", action + " 需要 \"target\"（元素）或 \"region\"（区域）之一");
            }
            String into = node.has("into") ? variableName(node, "into") : null;
            String expect = node.has("expect") ? requiredTemplate(node, "expect") : null;
            return action.equals("ocr") ? new Step.Ocr(line, timeout, target, region, into, expect)
                    : new Step.DecodeQr(line, timeout, target, region, into, expect);
        }

        private Step emulate(JsonNode node, int line, Duration timeout) {
            String profile = requiredText(node, "profile");
            try {
                return new Step.Emulate(line, timeout, DeviceProfile.valueOf(profile.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw fail("profile", "取值应为 desktop / mobile / wechat，实际为 \"" + profile + "\"");
            }
        }

        private Step extract(JsonNode node, int line, Duration timeout) {
            Target target = target(node, true);
            String into = variableName(node, "into");
            String pattern = null;
            if (node.has("pattern")) {
                Pattern p = regex(node, "pattern");
                if (p.matcher("").groupCount() > 1) {
                    throw fail("pattern", "正则表达式最多含一个捕获组（提取第一组）");
                }
                pattern = p.pattern();
            }
            return new Step.Extract(line, timeout, target, into, pattern);
        }

        private Region region(JsonNode node) {
            String path = "region";
            if (!node.isObject()) {
                throw fail(path, "应为对象 {\"x\":…, \"y\":…, \"width\":…, \"height\":…}");
            }
            unknownFields(node, Set.of("x", "y", "width", "height"), path + ".");
            double[] v = new double[4];
            String[] keys = {"x", "y", "width", "height"};
            for (int k = 0; k < 4; k++) {
                JsonNode n = node.get(keys[k]);
                if (n == null || !n.isNumber() || n.asDouble() < 0) {
                    throw fail(path + "." + keys[k], "必填，应为非负数（CSS 像素）");
                }
                v[k] = n.asDouble();
            }
            if (v[2] == 0 || v[3] == 0) {
                throw fail(path, "宽和高应大于 0");
            }
            return new Region(v[0], v[1], v[2], v[3]);
        }

        private Target target(JsonNode node, boolean required) {
            JsonNode t = node.get("target");
            if (t == null) {
                if (required) {
                    throw fail("", "缺少必填字段 \"target\"（定位方式：css / text / role / label / placeholder）");
                }
                return null;
            }
            if (!t.isObject()) {
                throw fail("target", "定位器应为对象，例如 {\"text\": \"我要咨询\"} 或 {\"role\": \"button\", \"name\": \"提交\"}");
            }
            List<String> kinds = new ArrayList<>();
            for (Iterator<String> it = t.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (LOCATOR_KINDS.contains(f)) {
                    kinds.add(f);
                } else if (!f.equals("name")) {
                    throw fail("target." + f, "未知定位方式 \"" + f + "\"（可用：css / text / role（+name）/ label / placeholder）");
                }
            }
            if (kinds.size() != 1) {
                throw fail("target", "定位器应恰好给出 css / text / role / label / placeholder 中的一种，实际为 "
                        + (kinds.isEmpty() ? "无" : String.join("、", kinds)));
            }
            String kind = kinds.get(0);
            if (t.has("name") && !kind.equals("role")) {
                throw fail("target.name", "\"name\" 只能与 \"role\" 一起使用");
            }
            JsonNode valueNode = t.get(kind);
            if (!valueNode.isTextual() || valueNode.asText().isBlank()) {
                throw fail("target." + kind, "定位值应为非空字符串");
            }
            String value = valueNode.asText();
            templates("target." + kind, value);
            return switch (kind) {
                case "css" -> {
                    checkCss(value);
                    yield Target.css(value);
                }
                case "text" -> Target.text(value);
                case "label" -> Target.label(value);
                case "placeholder" -> new Target(Target.Kind.PLACEHOLDER, value, null);
                case "role" -> {
                    if (!Target.isKnownRole(value)) {
                        throw fail("target.role", "未知 ARIA 角色 \"" + value + "\"（如 button、link、textbox、combobox、checkbox）");
                    }
                    String name = null;
                    if (t.has("name")) {
                        if (!t.get("name").isTextual()) {
                            throw fail("target.name", "应为字符串");
                        }
                        name = t.get("name").asText();
                        templates("target.name", name);
                    }
                    yield Target.role(value.toLowerCase(Locale.ROOT), name);
                }
                default -> throw new IllegalStateException(kind);
            };
        }

        private void checkCss(String css) {
            if (css.contains("${") || settings.playwrightCssExtensions().stream().anyMatch(css::contains)) {
                return;
            }
            try {
                QueryParser.parse(css);
            } catch (Selector.SelectorParseException | IllegalArgumentException e) {
                throw fail("target.css", "CSS 选择器无效 \"" + css + "\"：" + e.getMessage());
            }
        }

        private Pattern regex(JsonNode node, String field) {
            String s = requiredText(node, field);
            try {
                return Pattern.compile(s);
            } catch (PatternSyntaxException e) {
                throw fail(field, "正则表达式无效：" + e.getDescription());
            }
        }

        private String variableName(JsonNode node, String field) {
            String s = requiredText(node, field);
            if (!VARIABLE_NAME.matcher(s).matches() || s.startsWith("env")) {
                throw fail(field, "变量名只能含字母、数字、下划线和点，且不能以 env 开头");
            }
            return s;
        }

        private Duration timeout(JsonNode node, String field) {
            JsonNode n = node.get(field);
            if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() <= 0 || n.asLong() > settings.maxTimeoutMs()) {
                throw fail(field, "应为 1 到 " + settings.maxTimeoutMs() + " 之间的整数（毫秒）");
            }
            return Duration.ofMillis(n.asLong());
        }

        private boolean bool(JsonNode node, String field) {
            JsonNode n = node.get(field);
            if (!n.isBoolean()) {
                throw fail(field, "应为 true 或 false");
            }
            return n.asBoolean();
        }

        private String requiredTemplate(JsonNode node, String field) {
            String s = requiredText(node, field);
            templates(field, s);
            return s;
        }

        private String requiredText(JsonNode node, String field) {
            JsonNode n = node.get(field);
            if (n == null) {
                throw fail("", "缺少必填字段 \"" + field + "\"");
            }
            if (!n.isTextual() || n.asText().isBlank()) {
                throw fail(field, "应为非空字符串");
            }
            return n.asText();
        }

        private String text(JsonNode node, String field) {
            JsonNode n = node.get(field);
            if (!n.isTextual()) {
                throw fail(field, "应为字符串");
            }
            return n.asText();
        }

        private void templates(String field, String s) {
            try {
                Template.check(s);
            } catch (IllegalArgumentException e) {
                throw fail(field, e.getMessage());
            }
        }

        private void unknownFields(JsonNode node, Set<String> allowed, String pathPrefix) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    throw fail(pathPrefix + f, "未知字段 \"" + f + "\"（允许的字段：" + String.join(", ", new TreeSet<>(allowed)) + "）");
                }
            }
        }

        private ScenarioFileException fail(String field, String problem) {
            String path = prefix.isEmpty() ? field : field.isEmpty() ? prefix : prefix + "." + field;
            return new ScenarioFileException(file, lines.line(path), where, problem);
        }
    }
}
