package cn.xunjian.browser;

import com.microsoft.playwright.options.AriaRole;
import java.util.Locale;
import java.util.Objects;

/**
 * How a scenario step finds an element: by visible text, ARIA role (and accessible name), form label, placeholder
 * or CSS selector. The first matching element is used.
 *
 * @param kind how {@code value} is read
 * @param value the text, role, label, placeholder or selector
 * @param name for {@link Kind#ROLE} only: the accessible name, may be null
 */
public record Target(Kind kind, String value, String name) {
    /** The ways of locating an element. */
    public enum Kind { TEXT, ROLE, LABEL, PLACEHOLDER, CSS }

    public Target {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public static Target css(String selector) {
        return new Target(Kind.CSS, selector, null);
    }

    public static Target text(String text) {
        return new Target(Kind.TEXT, text, null);
    }

    public static Target role(String role, String name) {
        return new Target(Kind.ROLE, role, name);
    }

    public static Target label(String label) {
        return new Target(Kind.LABEL, label, null);
    }

    /** Whether {@code role} is an ARIA role Playwright can look up (case-insensitive). */
    public static boolean isKnownRole(String role) {
        try {
            AriaRole.valueOf(role.toUpperCase(Locale.ROOT));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A short human description for step logs, e.g. {@code 按钮"提交"} or {@code css=#title}. */
    public String describe() {
        return switch (kind) {
            case TEXT -> "文字\"" + value + "\"";
            case ROLE -> "角色 " + value + (name == null ? "" : "\"" + name + "\"");
            case LABEL -> "标签\"" + value + "\"";
            case PLACEHOLDER -> "提示\"" + value + "\"";
            case CSS -> "css=" + value;
        };
    }
}
