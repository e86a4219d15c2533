package cn.xunjian.scenario;

import cn.xunjian.browser.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks the fields of one object of a scenario file once Jackson has read it: the root, or one step, which also
 * learns here its number and its line. Every problem is a {@link FieldProblem} naming the field, in Chinese.
 */
final class FieldCheck {
    static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private final Path folder;
    private final int number;
    private final int line;

    /**
     * @param folder the scenario file's folder, against which uploads are resolved
     * @param number the step's 1-based position (0 for the root)
     * @param line the line the object starts on
     */
    FieldCheck(Path folder, int number, int line) {
        this.folder = folder;
        this.number = number;
        this.line = line;
    }

    int number() {
        return number;
    }

    int line() {
        return line;
    }

    <T> T required(String field, T value) {
        if (value == null) {
            throw fail("", "缺少必填字段 \"" + field + "\"");
        }
        return value;
    }

    /** A required text that is not blank. */
    String text(String field, String value) {
        if (required(field, value).isBlank()) {
            throw fail(field, "应为非空字符串");
        }
        return value;
    }

    /** A required text whose {@code ${…}} references are well formed. */
    String template(String field, String value) {
        return references(field, text(field, value));
    }

    /** {@code value} (may be null) if its {@code ${…}} references are well formed. */
    static String references(String field, String value) {
        if (value != null) {
            try {
                Template.check(value);
            } catch (IllegalArgumentException e) {
                throw new FieldProblem(field, e.getMessage());
            }
        }
        return value;
    }

    Target target(Target target) {
        if (target == null) {
            throw fail("", "缺少必填字段 \"target\"（定位方式：css / text / role / label / placeholder）");
        }
        return target;
    }

    /** The name of a variable a step stores into. */
    String variable(String field, String name) {
        text(field, name);
        if (!VARIABLE_NAME.matcher(name).matches() || name.startsWith("env")) {
            throw fail(field, "变量名只能含字母、数字、下划线和点，且不能以 env 开头");
        }
        return name;
    }

    Pattern regex(String field, String regex) {
        try {
            return Pattern.compile(text(field, regex));
        } catch (PatternSyntaxException e) {
            throw fail(field, "正则表达式无效：" + e.getDescription());
        }
    }

    String oneOf(String field, String value, Collection<String> allowed) {
        if (!allowed.contains(value)) {
            throw fail(field, "取值应为 " + String.join(" / ", allowed));
        }
        return value;
    }

    /** A file beside the scenario that must exist; returned absolute. */
    Path file(String field, Path name) {
        text(field, required(field, name).toString());
        Path file = folder.resolve(name).normalize();
        if (!Files.isRegularFile(file)) {
            throw fail(field, "要上传的文件不存在：" + file);
        }
        return file;
    }

    FieldProblem fail(String field, String problem) {
        return new FieldProblem(field, problem);
    }
}
