package cn.xunjian.scenario;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.Region;
import cn.xunjian.browser.Target;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One step of a scenario, as written in its JSON file. Text fields may hold {@code ${name}} variables and
 * {@code ${env:NAME}} secrets; they are resolved only when the step runs, and descriptions show them unresolved.
 * {@code line} is the step's line in its file; {@code timeout} is null when the scenario default applies.
 */
public sealed interface Step {
    int line();

    Duration timeout();

    /** The action name as written in the file ({@code goto}, {@code click}…). */
    String action();

    /** A short Chinese description with variables unresolved (so secrets never show). */
    String describe();

    record Goto(int line, Duration timeout, String url) implements Step {
        public String action() {
            return "goto";
        }

        public String describe() {
            return "打开 " + url;
        }
    }

    record Click(int line, Duration timeout, Target target) implements Step {
        public String action() {
            return "click";
        }

        public String describe() {
            return "点击 " + target.describe();
        }
    }

    record Fill(int line, Duration timeout, Target target, String value) implements Step {
        public String action() {
            return "fill";
        }

        public String describe() {
            return "在 " + target.describe() + " 填写 " + value;
        }
    }

    record Select(int line, Duration timeout, Target target, String option) implements Step {
        public String action() {
            return "select";
        }

        public String describe() {
            return "在 " + target.describe() + " 选择 " + option;
        }
    }

    record Check(int line, Duration timeout, Target target, boolean checked) implements Step {
        public String action() {
            return "check";
        }

        public String describe() {
            return (checked ? "勾选 " : "取消勾选 ") + target.describe();
        }
    }

    /** {@code target} may be null: the key goes to the page. */
    record Press(int line, Duration timeout, Target target, String key) implements Step {
        public String action() {
            return "press";
        }

        public String describe() {
            return "按键 " + key + (target == null ? "" : "（" + target.describe() + "）");
        }
    }

    /** {@code file} is resolved against the scenario file's folder. */
    record Upload(int line, Duration timeout, Target target, Path file) implements Step {
        public String action() {
            return "upload";
        }

        public String describe() {
            return "在 " + target.describe() + " 上传 " + file.getFileName();
        }
    }

    record WaitFor(int line, Duration timeout, Target target, String state) implements Step {
        public String action() {
            return "waitFor";
        }

        public String describe() {
            return "等待 " + target.describe() + "（" + state + "）";
        }
    }

    /** {@code target} may be null: the whole page text is searched. */
    record ExpectText(int line, Duration timeout, Target target, String text) implements Step {
        public String action() {
            return "expectText";
        }

        public String describe() {
            return "应出现文字 \"" + text + "\"" + (target == null ? "" : "（" + target.describe() + "）");
        }
    }

    record ExpectVisible(int line, Duration timeout, Target target) implements Step {
        public String action() {
            return "expectVisible";
        }

        public String describe() {
            return "应可见 " + target.describe();
        }
    }

    /** Exactly one of {@code contains} and {@code matches} (a regular expression) is set. */
    record ExpectUrl(int line, Duration timeout, String contains, String matches) implements Step {
        public String action() {
            return "expectUrl";
        }

        public String describe() {
            return contains != null ? "网址应包含 " + contains : "网址应匹配 " + matches;
        }
    }

    /** {@code target} may be null: the whole page. */
    record Screenshot(int line, Duration timeout, String name, Target target) implements Step {
        public String action() {
            return "screenshot";
        }

        public String describe() {
            return "截图 " + name + (target == null ? "" : "（" + target.describe() + "）");
        }
    }

    /** Reads text from an element or a region; exactly one of {@code target} and {@code region} is set. */
    record Ocr(int line, Duration timeout, Target target, Region region, String into, String expect)
            implements Step {
        public String action() {
            return "ocr";
        }

        public String describe() {
            return "识别文字 " + (target != null ? target.describe() : "区域") + (into == null ? "" : " → ${" + into + "}");
        }
    }

    /** Decodes a QR code in an element or a region; exactly one of {@code target} and {@code region} is set. */
    record DecodeQr(int line, Duration timeout, Target target, Region region, String into, String expect)
            implements Step {
        public String action() {
            return "decodeQr";
        }

        public String describe() {
            return "识别二维码 " + (target != null ? target.describe() : "区域") + (into == null ? "" : " → ${" + into + "}");
        }
    }

    /** Opens a new session with the profile and continues at the current address. */
    record Emulate(int line, Duration timeout, DeviceProfile profile) implements Step {
        public String action() {
            return "emulate";
        }

        public String describe() {
            return "切换设备 " + profile.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Stores the target's text (or the first group of {@code pattern} in it) into variable {@code into}. */
    record Extract(int line, Duration timeout, Target target, String into, String pattern) implements Step {
        public String action() {
            return "extract";
        }

        public String describe() {
            return "提取 " + target.describe() + " → ${" + into + "}";
        }
    }
}
