package cn.xunjian.scenario;

import cn.xunjian.internal.Json;
import cn.xunjian.internal.JsonFieldLines;
import cn.xunjian.model.IndicatorId;
import cn.xunjian.model.Severity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and validates scenario files. Jackson reads the file into the {@link Step} records (see
 * {@link ScenarioJson}), then every step checks its own fields. Every problem (bad JSON, an unknown step or field,
 * a missing field, a bad locator, a bad variable reference) becomes a {@link ScenarioFileException} naming the file,
 * the line and the step, so that the CLI can exit 2 before any browser starts.
 */
final class ScenarioLoader {
    private static final String ROOT = "(根对象)";
    private static final String STEP_NOT_AN_OBJECT =
            "每一步应为一个对象，例如 {\"action\": \"click\", \"target\": {\"text\": \"提交\"}}";
    private static final Pattern STEP_PATH = Pattern.compile("steps\\[(\\d+)](?:\\.|$)");

    private final EngineSettings settings;
    private final ObjectReader reader;

    public ScenarioLoader() {
        this(EngineSettings.standard());
    }

    public ScenarioLoader(EngineSettings settings) {
        this.settings = settings;
        this.reader = ScenarioJson.reader(settings);
    }

    /** The step actions a scenario may use, sorted. */
    public static Set<String> actions() {
        return StepKinds.names();
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
        JsonNode tree;
        JsonLines lines;
        try {
            tree = Json.mapper().readTree(text);
            lines = JsonLines.of(Json.mapper(), text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ScenarioFileException(file, line, "(JSON)", "JSON 格式错误：" + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ScenarioFileException(file, 0, "(文件)", "无法读取：" + e.getMessage());
        }
        Places places = new Places(file, tree, lines);
        if (tree == null || !tree.isObject()) {
            throw places.at("", "场景文件应为一个 JSON 对象");
        }
        ScenarioJson.Root root;
        try {
            root = reader.readValue(tree);
        } catch (IOException e) {
            throw places.problem(e);
        }
        return scenario(file, root, places);
    }

    private Scenario scenario(Path file, ScenarioJson.Root root, Places places) {
        Path folder = file.toAbsolutePath().getParent();
        FieldCheck top = new FieldCheck(folder, 0, 1);
        String name;
        String indicator;
        try {
            name = top.text("name", root.name());
            indicator = top.text("indicator", root.indicator());
            if (IndicatorId.of(indicator).isEmpty()) {
                throw top.fail("indicator", "未知指标 \"" + indicator + "\"（见 INDICATORS.md）");
            }
            if (root.variables() != null) {
                root.variables().forEach((variable, value) -> {
                    if (!FieldCheck.VARIABLE_NAME.matcher(variable).matches()) {
                        throw top.fail("variables." + variable, "变量名只能含字母、数字、下划线和点");
                    }
                    if (value == null) {
                        throw top.fail("variables." + variable, "变量取值应为字符串");
                    }
                    FieldCheck.references("variables." + variable, value);
                });
            }
            top.required("steps", root.steps());
            if (root.steps().isEmpty()) {
                throw top.fail("steps", "应为至少含一步的数组");
            }
        } catch (FieldProblem p) {
            throw places.at(p.field(), p.getMessage());
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < root.steps().size(); i++) {
            String path = "steps[" + i + "]";
            Step step = root.steps().get(i);
            if (step == null) {
                throw places.at(path, STEP_NOT_AN_OBJECT);
            }
            try {
                steps.add(step.validated(new FieldCheck(folder, i + 1, places.lines.line(path))));
            } catch (FieldProblem p) {
                throw places.at(p.field().isEmpty() ? path : path + "." + p.field(), p.getMessage());
            }
        }
        Severity onFailure = root.onFailure() == null ? Severity.WARN : root.onFailure();
        return new Scenario(file, name, root.description() == null ? "" : root.description(), indicator, onFailure,
                root.timeout() == null ? settings.defaultTimeout() : root.timeout(),
                root.variables() == null ? Map.of() : root.variables(), steps);
    }

    /** Where things are in one file, to point errors there: the line of a path and the step it lies in. */
    private static final class Places {
        private final Path file;
        private final JsonNode tree;
        private final JsonLines lines;

        Places(Path file, JsonNode tree, JsonLines lines) {
            this.file = file;
            this.tree = tree;
            this.lines = lines;
        }

        /** An error about the value at {@code path} ({@code steps[1].target}, {@code ""} for the root). */
        ScenarioFileException at(String path, String problem) {
            return new ScenarioFileException(file, lines.line(path), where(path), problem);
        }

        /** {@code 第 2 步（fill）} for a path inside a step (without the action when it is not a known one). */
        private String where(String path) {
            Matcher m = STEP_PATH.matcher(path);
            if (!m.lookingAt()) {
                return ROOT;
            }
            int index = Integer.parseInt(m.group(1));
            String action = tree.path("steps").path(index).path(StepKinds.ACTION).asText("");
            return StepKinds.known(action) ? String.format(Locale.ROOT, "第 %d 步（%s）", index + 1, action)
                    : String.format(Locale.ROOT, "第 %d 步", index + 1);
        }

        /** Describes what Jackson could not read, for the author of the file. */
        ScenarioFileException problem(IOException e) {
            if (!(e instanceof JsonMappingException m)) {
                return new ScenarioFileException(file, 0, "(文件)", "无法读取：" + e.getMessage());
            }
            String path = JsonFieldLines.path(m, "");
            for (Throwable t = m; t != null; t = t.getCause()) {
                if (t instanceof FieldProblem p) {
                    return at(p.field().isEmpty() ? path : path.isEmpty() ? p.field() : path + "." + p.field(),
                            p.getMessage());
                }
            }
            if (m instanceof InvalidTypeIdException t) {
                String kinds = "（可用：" + String.join(", ", actions()) + "）";
                if (!tree.at(pointer(path)).isObject()) {
                    return at(path, STEP_NOT_AN_OBJECT);
                }
                if (t.getTypeId() == null) {
                    return at(path, "缺少必填字段 \"action\"" + kinds);
                }
                return at(path + "." + StepKinds.ACTION, "未知步骤 \"" + t.getTypeId() + "\"" + kinds);
            }
            if (m instanceof PropertyBindingException u) {
                if (u.getReferringClass() == ScenarioJson.Locator.class) {
                    return at(path, "未知定位方式 \"" + u.getPropertyName()
                            + "\"（可用：css / text / role（+name）/ label / placeholder）");
                }
                Collection<String> allowed = StepKinds.isStep(u.getReferringClass())
                        ? StepKinds.fields(u.getReferringClass())
                        : u.getKnownPropertyIds().stream().map(Object::toString).collect(Collectors.toCollection(TreeSet::new));
                return at(path, "未知字段 \"" + u.getPropertyName() + "\"（允许的字段：" + String.join(", ", allowed) + "）");
            }
            if (m instanceof MismatchedInputException mismatch) {
                return at(path, expected(mismatch, path));
            }
            return at(path, "无法读取：" + m.getOriginalMessage());
        }

        /** What the value should have been, by the type Jackson wanted. */
        private static String expected(MismatchedInputException e, String path) {
            Class<?> type = e.getTargetType();
            List<JsonMappingException.Reference> refs = e.getPath();
            JsonMappingException.Reference last = refs.isEmpty() ? null : refs.get(refs.size() - 1);
            boolean locatorValue = last != null && !"name".equals(last.getFieldName())
                    && (last.getFrom() == ScenarioJson.Locator.class || last.getFrom() instanceof ScenarioJson.Locator);
            if (type == null) {
                return "类型错误：" + e.getOriginalMessage();
            }
            if (type.isEnum()) {
                String values = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(" / "));
                return "取值应为 " + values + (e instanceof InvalidFormatException f && f.getValue() != null
                        ? "，实际为 \"" + f.getValue() + "\"" : "");
            }
            if (type == String.class) {
                if (locatorValue) {
                    return "定位值应为非空字符串";
                }
                return path.startsWith("variables.") ? "变量取值应为字符串" : "应为字符串";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "应为 true 或 false";
            }
            if (type == Double.class || type == double.class) {
                return "必填，应为非负数（CSS 像素）";
            }
            if (type == ScenarioJson.Locator.class) {
                return "定位器应为对象，例如 {\"text\": \"我要咨询\"} 或 {\"role\": \"button\", \"name\": \"提交\"}";
            }
            if (type == ScenarioJson.RegionJson.class) {
                return "应为对象 {\"x\":…, \"y\":…, \"width\":…, \"height\":…}";
            }
            if (Map.class.isAssignableFrom(type)) {
                return "应为对象（变量名: 取值）";
            }
            if (Collection.class.isAssignableFrom(type)) {
                return "应为至少含一步的数组";
            }
            if (type == ScenarioJson.Root.class) {
                return "场景文件应为一个 JSON 对象";
            }
            return "类型错误：" + e.getOriginalMessage();
        }

        /** {@code steps[1].target} as a JSON pointer, {@code /steps/1/target}. */
        private static String pointer(String path) {
            if (path.isEmpty()) {
                return "";
            }
            return "/" + path.replace("[", ".").replace("]", "").replace('.', '/');
        }
    }
}
