package cn.xunjian.scenario.interact;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.internal.Json;
import cn.xunjian.internal.RuleFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What a page's form controls and captcha signs look like, read by {@code form-probe.js} in the browser. Each
 * control gets a {@code data-xj-field} attribute so that it can be targeted as {@code [data-xj-field="n"]}.
 */
record FormProbe(List<Field> fields, List<Signal> captcha) {
    private static final String SCRIPT = load();

    /** One control: an input, textarea, select or button. {@code label} is its label or the text of its row. */
    public record Field(int index, String tag, String type, String name, String id, String placeholder,
                        String label, String text, String cls, boolean visible, boolean enabled, boolean required,
                        List<String> options) {
        public String css() {
            return "[data-xj-field=\"" + index + "\"]";
        }

        /** Name, id and placeholder: what the control says about itself. */
        String own() {
            return String.join(" ", name, id, placeholder);
        }

        boolean textLike() {
            return (tag.equals("input") && List.of("text", "tel", "email", "number", "password", "", "search")
                    .contains(type)) || tag.equals("textarea");
        }

        boolean buttonLike() {
            return tag.equals("button") || (tag.equals("input") && List.of("submit", "button", "image").contains(type))
                    || !(tag.equals("input") || tag.equals("textarea") || tag.equals("select"));
        }
    }

    /** An image or widget that may be a captcha: its attributes and nearby text, lower-cased. */
    public record Signal(String kind, String text, boolean visible) {
    }

    public FormProbe {
        fields = List.copyOf(fields);
        captcha = List.copyOf(captcha);
    }

    /** Probes the page (marks its controls). */
    public static FormProbe of(AuditPage page) {
        try {
            return Json.mapper().readValue(page.evaluateJson(SCRIPT), FormProbe.class);
        } catch (IOException e) {
            throw new UncheckedIOException("form probe returned unreadable JSON", e);
        }
    }

    private static String load() {
        return RuleFiles.text(FormProbe.class, "form-probe.js");
    }
}
