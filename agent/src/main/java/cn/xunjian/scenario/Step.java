package cn.xunjian.scenario;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.Region;
import cn.xunjian.browser.Target;
import cn.xunjian.vision.ImageScaling;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One step of a scenario. Each kind of step is one record here, and the record is all there is to it: its name in
 * the file ({@link JsonTypeName}, the value of {@code "action"}), its fields (the record components, read by
 * Jackson), how it checks them ({@link #validated}), how it describes itself and what it does ({@link #perform}).
 * The loader, the runner and the schema test find the kinds through the sealed hierarchy.
 *
 * <p>Text fields may hold {@code ${name}} variables and {@code ${env:NAME}} secrets; they are resolved only when the
 * step runs, and descriptions show them unresolved. {@code line} is the step's line in its file: it is set by the
 * loader and is no field of the file. {@code timeout} is the file's {@code timeoutMs}; null when the scenario's
 * default applies.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = StepKinds.ACTION)
sealed interface Step {
    /** The name of the per-step time limit in the file. */
    String TIMEOUT = "timeoutMs";

    int line();

    Duration timeout();

    /** The action name as written in the file ({@code goto}, {@code click}…). */
    default String action() {
        return StepKinds.name(getClass());
    }

    /** A short Chinese description with variables unresolved (so secrets never show). */
    String describe();

    /**
     * This step as it will run: its fields checked, its line set, defaults filled in.
     *
     * @throws FieldProblem naming the field that is wrong
     */
    Step validated(FieldCheck check);

    /**
     * Does the step.
     *
     * @return a detail for the step log (what it read, the HTTP status…), empty when there is nothing to add
     * @throws StepFailure when the step did not do what it says (also {@code PageActionException} from the page,
     *     {@code OcrException} from the OCR engine)
     */
    String perform(StepRun run);

    @JsonTypeName("goto")
    record Goto(@JsonIgnore int line, @JsonProperty(TIMEOUT) Duration timeout, String url) implements Step {
        public String describe() {
            return "打开 " + url;
        }

        public Goto validated(FieldCheck c) {
            return new Goto(c.line(), timeout, c.template("url", url));
        }

        public String perform(StepRun run) {
            int status = run.page().navigate(run.resolve(url), run.timeout());
            if (status >= 400) {
                throw new StepFailure("页面返回 HTTP " + status);
            }
            return "HTTP " + status;
        }
    }

    @JsonTypeName("click")
    record Click(@JsonIgnore int line, @JsonProperty(TIMEOUT) Duration timeout, Target target) implements Step {
        public String describe() {
            return "点击 " + target.describe();
        }

        public Click validated(FieldCheck c) {
            return new Click(c.line(), timeout, c.target(target));
        }

        public String perform(StepRun run) {
            run.page().click(run.target(target), run.timeout());
            return "";
        }
    }

    @JsonTypeName("fill")
    record Fill(@JsonIgnore int line, @JsonProperty(TIMEOUT) Duration timeout, Target target, String value)
            implements Step {
        public String describe() {
            return "在 " + target.describe() + " 填写 " + value;
        }

        public Fill validated(FieldCheck c) {
            return new Fill(c.line(), timeout, c.target(target), c.template("value", value));
        }

        public String perform(StepRun run) {
            run.page().fill(run.target(target), run.resolve(value), run.usesSecret(value), run.timeout());
            return "";
        }
    }

    @JsonTypeName("select")
    record Select(@JsonIgnore int line, @JsonProperty(TIMEOUT) Duration timeout, Target target, String option)
            implements Step {
        public String describe() {
            return "在 " + target.describe() + " 选择 " + option;
        }

        public Select validated(FieldCheck c) {
            return new Select(c.line(), timeout, c.target(target), c.template("option", option));
        }

        public String perform(StepRun run) {
            run.page().select(run.target(target), run.resolve(option), run.timeout());
            return "";
        }
    }

    /** {@code checked} is true when the file leaves it out. */
    @JsonTypeName("check")
    record Check(@JsonIgnore int line, @JsonProperty(TIMEOUT) Duration timeout, Target target, Boolean checked)
            implements Step {
        public Check {
            checked = checked == null || checked;
        }

        public String describe() {
            return (checked ? "勾选 " : "取消勾选 ") + target.describe();
        }

        public Check validated(FieldCheck c) {
            return new Check(c.line(), timeout, c.target(target), checked);
        }

        public String perform(StepRun run) {
            run.page().check(run.target(target), checked, run.timeout());
            return "";
        }
    }

    /** {@code target} may be null: the key goes to the page. */
    @JsonTypeName("press")
    record Press(@JsonIgnore int line, @JsonProperty(TIMEOUT) Duration timeout, Target target, String key)
            implements Step {
        public String describe() {
            return "按键 " + key + (target == null ? "" : "（" + target.describe() + "）");
        }

        public Press validated(FieldCheck c) {
            return new Press(c.line(), timeout, target, c.text("key", key));
        }

        public String perform(StepRun run) {
            run.page().press(target == null ? null : run.target(target), key, run.timeout());
            return "";
        }
    }

    /** {@code file} is resolved against the scenario file's folder. */
    @JsonTypeName("upload")
    record Upload(@JsonIgnore int line, @JsonProperty(TIMEOUT) Duration timeout, Target target, Path file)
            implements Step {
        public String describe() {
            return "在 " + target.describe() + " 上传 " + file.getFileName();
        }

        public Upload validated(FieldCheck c) {
            return new Upload(c.line(), timeout, c.target(target), c.file("file", file));
        }

        public String perform(StepRun run) {
            run.page().upload(run.target(target), file, run.timeout());
            return "";
        }
    }

    /** {@code state} is visible, hidden, attached or detached; visible when the file leaves it out. */
    @JsonTypeName("waitFor")
    record WaitFor(@JsonIgnore int line, @JsonProperty(TIMEOUT) Duration timeout, Target target, String state)
            implements Step {
        static final List<String> STATES = List.of("visible", "hidden", "attached", "detached");

        public WaitFor {
            state = state == null ? "visible" : state;
        }

        public String describe() {
            return "等待 " + target.describe() + "（" + state + "）";
        }

        public WaitFor validated(FieldCheck c) {
            return new WaitFor(c.line(), timeout, c.target(target), c.oneOf("state", state, STATES));
        }

        public String perform(StepRun run) {
            run.page().waitFor(run.target(target), state, run.timeout());
            return "";
        }
    }

    /** {@code target} may be null: the whole page text is searched. */
    @JsonTypeName("expectText")
    record ExpectText(@JsonIgnore int line, @JsonProperty(TIMEOUT) Duration timeout, Target target, String text)
            implements Step {
        public String describe() {
            return "应出现文字 \"" + text + "\"" + (target == null ? "" : "（" + target.describe() + "）");
        }

        public ExpectText validated(FieldCheck c) {
            return new ExpectText(c.line(), timeout, target, c.template("text", text));
        }

        public String perform(StepRun run) {
            String want = run.resolve(text);
            Target where = target == null ? null : run.target(target);
            String[] seen = {""};
            boolean ok = run.poll(() -> {
                seen[0] = where == null ? run.page().bodyText() : run.textNow(where);
                return seen[0].contains(want);
            });
            if (!ok) {
                throw new StepFailure("页面未出现文字 \"" + want + "\"" + (where == null ? ""
                        : "（" + where.describe() + " 的文字为 \"" + StepRun.abbreviate(seen[0]) + "\"）"));
            }
            return "";
        }
    }

    @JsonTypeName("expectVisible")
    record ExpectVisible(@JsonIgnore int line, @JsonProperty(TIMEOUT) Duration timeout, Target target)
            implements Step {
        public String describe() {
            return "应可见 " + target.describe();
        }

        public ExpectVisible validated(FieldCheck c) {
            return new ExpectVisible(c.line(), timeout, c.target(target));
        }

        public String perform(StepRun run) {
            run.page().waitFor(run.target(target), "visible", run.timeout());
            return "";
        }
    }

    /** Exactly one of {@code contains} and {@code matches} (a regular expression) is set. */
    @JsonTypeName("expectUrl")
    record ExpectUrl(@JsonIgnore int line, @JsonProperty(TIMEOUT) Duration timeout, String contains, String matches)
            implements Step {
        public String describe() {
            return contains != null ? "网址应包含 " + contains : "网址应匹配 " + matches;
        }

        public ExpectUrl validated(FieldCheck c) {
            if ((contains == null) == (matches == null)) {
                throw c.fail("", "expectUrl 需要 \"contains\" 或 \"matches\" 之一");
            }
            return new ExpectUrl(c.line(), timeout, contains == null ? null : c.template("contains", contains),
                    matches == null ? null : c.regex("matches", matches).pattern());
        }

        public String perform(StepRun run) {
            if (contains != null) {
                String want = run.resolve(contains);
                if (!run.poll(() -> run.page().url().contains(want))) {
                    throw new StepFailure("网址 " + run.page().url() + " 不包含 " + want);
                }
            } else {
                Pattern p = Pattern.compile(matches);
                if (!run.poll(() -> p.matcher(run.page().url()).find())) {
                    throw new StepFailure("网址 " + run.page().url() + " 不匹配 " + matches);
                }
            }
            return run.page().url();
        }
    }

    /** {@code target} may be null: the whole page. {@code name} is {@code step-N} when the file leaves it out. */
    @JsonTypeName("screenshot")
    record Screenshot(@JsonIgnore int line, @JsonProperty(TIMEOUT) Duration timeout, String name, Target target)
            implements Step {
        public String describe() {
            return "截图 " + name + (target == null ? "" : "（" + target.describe() + "）");
        }

        public Screenshot validated(FieldCheck c) {
            return new Screenshot(c.line(), timeout, name == null ? "step-" + c.number() : name, target);
        }

        public String perform(StepRun run) {
            byte[] png = target == null ? run.page().screenshot() : run.page().screenshot(run.target(target),
                    run.timeout());
            return run.screenshot("scenario-" + name, png).path();
        }
    }

    /** Reads text from an element or a region; exactly one of {@code target} and {@code region} is set. */
    @JsonTypeName("ocr")
    record Ocr(@JsonIgnore int line, @JsonProperty(TIMEOUT) Duration timeout, Target target, Region region,
               String into, String expect) implements Step {
        public String describe() {
            return "识别文字 " + (target != null ? target.describe() : "区域") + (into == null ? "" : " → ${" + into + "}");
        }

        public Ocr validated(FieldCheck c) {
            if ((target == null) == (region == null)) {
                throw c.fail("", "ocr 需要 \"target\"（元素）或 \"region\"（区域）之一");
            }
            return new Ocr(c.line(), timeout, target, region, into == null ? null : c.variable("into", into),
                    expect == null ? null : c.template("expect", expect));
        }

        public String perform(StepRun run) {
            byte[] png = run.capture(target, region);
            String text = run.ocr().read(ImageScaling.scale(run.image(png), 2)).strip();
            String name = run.evidenceName("ocr");
            run.image("ocr", name, png);
            run.text("ocr", name, text);
            if (expect != null) {
                String want = run.resolve(expect);
                if (!squash(text).contains(squash(want))) {
                    throw new StepFailure("识别出的文字 \"" + StepRun.abbreviate(text) + "\" 不含 \"" + want + "\"");
                }
            }
            if (into != null) {
                run.put(into, text);
            }
            return StepRun.abbreviate(text);
        }

        private static String squash(String s) {
            return s.replaceAll("\\s+", "");
        }
    }

    /** Decodes a QR code in an element or a region; exactly one of {@code target} and {@code region} is set. */
    @JsonTypeName("decodeQr")
    record DecodeQr(@JsonIgnore int line, @JsonProperty(TIMEOUT) Duration timeout, Target target, Region region,
                    String into, String expect) implements Step {
        public String describe() {
            return "识别二维码 " + (target != null ? target.describe() : "区域") + (into == null ? "" : " → ${" + into + "}");
        }

        public DecodeQr validated(FieldCheck c) {
            if ((target == null) == (region == null)) {
                throw c.fail("", "decodeQr 需要 \"target\"（元素）或 \"region\"（区域）之一");
            }
            return new DecodeQr(c.line(), timeout, target, region, into == null ? null : c.variable("into", into),
                    expect == null ? null : c.template("expect", expect));
        }

        public String perform(StepRun run) {
            byte[] png = run.capture(target, region);
            BufferedImage image = run.image(png);
            List<String> codes = run.qr().decode(image);
            String name = run.evidenceName("qr");
            run.image("qr", name, png);
            if (codes.isEmpty()) {
                throw new StepFailure("未识别到二维码");
            }
            run.text("qr", name, String.join("\n", codes));
            if (expect != null) {
                String want = run.resolve(expect);
                if (codes.stream().noneMatch(code -> code.contains(want))) {
                    throw new StepFailure("二维码内容 " + codes + " 不含 \"" + want + "\"");
                }
            }
            if (into != null) {
                run.put(into, codes.get(0));
            }
            return codes.get(0);
        }
    }

    /** Opens a new session with the profile and continues at the current address. */
    @JsonTypeName("emulate")
    record Emulate(@JsonIgnore int line, @JsonProperty(TIMEOUT) Duration timeout, DeviceProfile profile)
            implements Step {
        public String describe() {
            return "切换设备 " + profile.name().toLowerCase(Locale.ROOT);
        }

        public Emulate validated(FieldCheck c) {
            return new Emulate(c.line(), timeout, c.required("profile", profile));
        }

        public String perform(StepRun run) {
            String at = run.page().url();
            run.open(profile);
            if (at.startsWith("http")) {
                int status = run.page().navigate(at, run.timeout());
                return "以 " + profile.name().toLowerCase(Locale.ROOT) + " 重新打开，HTTP " + status;
            }
            return "";
        }
    }

    /** Stores the target's text (or the first group of {@code pattern} in it) into variable {@code into}. */
    @JsonTypeName("extract")
    record Extract(@JsonIgnore int line, @JsonProperty(TIMEOUT) Duration timeout, Target target, String into,
                   String pattern) implements Step {
        public String describe() {
            return "提取 " + target.describe() + " → ${" + into + "}";
        }

        public Extract validated(FieldCheck c) {
            Target t = c.target(target);
            String variable = c.variable("into", into);
            if (pattern != null && c.regex("pattern", pattern).matcher("").groupCount() > 1) {
                throw c.fail("pattern", "正则表达式最多含一个捕获组（提取第一组）");
            }
            return new Extract(c.line(), timeout, t, variable, pattern);
        }

        public String perform(StepRun run) {
            String text = run.page().text(run.target(target), run.timeout()).strip();
            String value = text;
            if (pattern != null) {
                Matcher m = Pattern.compile(pattern).matcher(text);
                if (!m.find()) {
                    throw new StepFailure("文字 \"" + StepRun.abbreviate(text) + "\" 不匹配 " + pattern);
                }
                value = m.groupCount() >= 1 ? m.group(1) : m.group();
            }
            run.put(into, value);
            return "${" + into + "} = " + StepRun.abbreviate(value);
        }
    }
}
