package cn.xunjian.scenario;

import cn.xunjian.browser.Region;
import cn.xunjian.browser.Target;
import cn.xunjian.internal.Json;
import cn.xunjian.model.Severity;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * How Jackson reads a scenario file: the shared configuration, stricter still (no number read as text or text as a
 * flag, no field the record marks as not the file's, such as a step's {@code line}), steps told apart by
 * {@code "action"} among the records of {@link Step}, enum values in any case, time limits in milliseconds, and
 * locators and regions checked as they are read. Problems the file's author can fix are {@link FieldProblem}s
 * inside Jackson's exceptions, which carry the path.
 */
final class ScenarioJson {
    private ScenarioJson() {
    }

    /** A scenario file as written. */
    record Root(@JsonProperty("$schema") String schema, String name, String description, String indicator,
                Severity onFailure, @JsonProperty(Step.TIMEOUT) Duration timeout, Map<String, String> variables,
                List<Step> steps) {
    }

    /** A locator as written: exactly one of the ways of finding an element, {@code name} only with {@code role}. */
    record Locator(String css, String text, String role, String name, String label, String placeholder) {
    }

    /** A region as written, before it is known that every side is there. */
    record RegionJson(Double x, Double y, Double width, Double height) {
    }

    /** The reader of scenario files; built once per loader (the settings bound its time limits and selectors). */
    static ObjectReader reader(EngineSettings settings) {
        SimpleModule scenarioValues = new SimpleModule("scenario-values")
                .addDeserializer(Duration.class, new Millis(settings.maxTimeoutMs()))
                .addDeserializer(Path.class, new PlainPath())
                .addDeserializer(Target.class, new TargetReader(settings.playwrightCssExtensions()))
                .addDeserializer(Region.class, new RegionReader());
        return Json.rebuild()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, text -> text.setCoercion(CoercionInputShape.Integer,
                        CoercionAction.Fail).setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
                // a step's line is no field of the file: it is 0 until the loader validates the step
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .registerSubtypes(Step.class.getPermittedSubclasses())
                .addModule(scenarioValues)
                .addHandler(new StepNotes())
                .build()
                .readerFor(Root.class);
    }

    /** Lets any step carry a {@code note}, a comment for the reader of the file that the run ignores. */
    private static final class StepNotes extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            Class<?> owner = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
            if (propertyName.equals(StepKinds.NOTE) && StepKinds.isStep(owner)) {
                p.skipChildren();
                return true;
            }
            return false;
        }
    }

    /** A time limit: whole milliseconds from 1 to the engine's maximum. */
    private static final class Millis extends StdScalarDeserializer<Duration> {
        private final long max;

        Millis(long max) {
            super(Duration.class);
            this.max = max;
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                long ms = p.getLongValue();
                if (ms >= 1 && ms <= max) {
                    return Duration.ofMillis(ms);
                }
            }
            throw new FieldProblem("", "应为 1 到 " + max + " 之间的整数（毫秒）");
        }
    }

    /** A path as the file writes it (Jackson's own reading takes {@code a:b} for a URI scheme). */
    private static final class PlainPath extends StdScalarDeserializer<Path> {
        PlainPath() {
            super(Path.class);
        }

        @Override
        public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new FieldProblem("", "应为非空字符串");
            }
            try {
                return Path.of(p.getText());
            } catch (InvalidPathException e) {
                throw new FieldProblem("", "文件名无效：" + e.getReason());
            }
        }
    }

    private static final class TargetReader extends JsonDeserializer<Target> {
        private final List<String> playwrightCssExtensions;

        TargetReader(List<String> playwrightCssExtensions) {
            this.playwrightCssExtensions = playwrightCssExtensions;
        }

        @Override
        public Target deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Locator l = ctxt.readValue(p, Locator.class);
            Map<String, String> given = new LinkedHashMap<>();
            put(given, "css", l.css());
            put(given, "text", l.text());
            put(given, "role", l.role());
            put(given, "label", l.label());
            put(given, "placeholder", l.placeholder());
            if (given.size() != 1) {
                throw new FieldProblem("", "定位器应恰好给出 css / text / role / label / placeholder 中的一种，实际为 "
                        + (given.isEmpty() ? "无" : String.join("、", given.keySet())));
            }
            var only = given.entrySet().iterator().next();
            String kind = only.getKey();
            String value = only.getValue();
            if (l.name() != null && !kind.equals("role")) {
                throw new FieldProblem("name", "\"name\" 只能与 \"role\" 一起使用");
            }
            if (value.isBlank()) {
                throw new FieldProblem(kind, "定位值应为非空字符串");
            }
            FieldCheck.references(kind, value);
            return switch (kind) {
                case "css" -> Target.css(css(value));
                case "text" -> Target.text(value);
                case "label" -> Target.label(value);
                case "placeholder" -> new Target(Target.Kind.PLACEHOLDER, value, null);
                default -> {
                    if (!Target.isKnownRole(value)) {
                        throw new FieldProblem("role", "未知 ARIA 角色 \"" + value
                                + "\"（如 button、link、textbox、combobox、checkbox）");
                    }
                    yield Target.role(value.toLowerCase(Locale.ROOT), FieldCheck.references("name", l.name()));
                }
            };
        }

        private static void put(Map<String, String> given, String kind, String value) {
            if (value != null) {
                given.put(kind, value);
            }
        }

        /** The selector, if a CSS parser takes it; selectors with variables or Playwright's extensions pass. */
        private String css(String css) {
            if (css.contains("${") || playwrightCssExtensions.stream().anyMatch(css::contains)) {
                return css;
            }
            try {
                QueryParser.parse(css);
                return css;
            } catch (Selector.SelectorParseException | IllegalArgumentException e) {
                throw new FieldProblem("css", "CSS 选择器无效 \"" + css + "\"：" + e.getMessage());
            }
        }
    }

    private static final class RegionReader extends JsonDeserializer<Region> {
        @Override
        public Region deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            RegionJson r = ctxt.readValue(p, RegionJson.class);
            double x = side("x", r.x());
            double y = side("y", r.y());
            double width = side("width", r.width());
            double height = side("height", r.height());
            if (width == 0 || height == 0) {
                throw new FieldProblem("", "宽和高应大于 0");
            }
            return new Region(x, y, width, height);
        }

        private static double side(String field, Double value) {
            if (value == null || value < 0) {
                throw new FieldProblem(field, "必填，应为非负数（CSS 像素）");
            }
            return value;
        }
    }
}
