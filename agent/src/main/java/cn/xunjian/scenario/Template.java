package cn.xunjian.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code ${name}} / {@code ${env:NAME}} syntax of scenario text fields. */
final class Template {
    static final Pattern REFERENCE = Pattern.compile("\\$\\{(env:)?([A-Za-z_][A-Za-z0-9_.]*)}");

    private Template() {
    }

    /** Throws {@link IllegalArgumentException} (Chinese message) when a {@code ${} is not a well-formed reference. */
    static void check(String s) {
        int from = 0;
        while (true) {
            int at = s.indexOf("${", from);
            if (at < 0) {
                return;
            }
            Matcher m = REFERENCE.matcher(s);
            if (!m.find(at) || m.start() != at) {
                int end = s.indexOf('}', at);
                String bad = end < 0 ? s.substring(at) : s.substring(at, end + 1);
                throw new IllegalArgumentException("变量引用格式错误 \"" + bad + "\"（应为 ${名称} 或 ${env:环境变量}）");
            }
            from = m.end();
        }
    }
}
