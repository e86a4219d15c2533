package cn.xunjian.check;

import java.util.Objects;

/**
 * The key of one typed fact a check establishes about a site for the checks after it (the footer's decoded QR
 * targets, the site's new-media accounts, the columns found), so that no check reads another's messages.
 *
 * @param name what the fact is, for logs
 * @param type the value's type
 * @param <T> the value's type
 */
public record Fact<T>(String name, Class<T> type) {
    public Fact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
