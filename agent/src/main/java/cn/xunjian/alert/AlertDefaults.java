package cn.xunjian.alert;

import cn.xunjian.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Defaults for alerting, read from {@code alert-defaults.json}: what an alert file may leave out, and the robots'
 * message size limits.
 */
public record AlertDefaults(int failureStreak, Retry retry, int requestTimeoutSeconds, int wecomMaxContentBytes,
                            int dingtalkMaxTextBytes) {

    public static AlertDefaults standard() {
        try (InputStream in = AlertDefaults.class.getResourceAsStream("alert-defaults.json")) {
            if (in == null) {
                throw new IllegalStateException("alert-defaults.json missing from the jar");
            }
            return Json.mapper().readValue(in, AlertDefaults.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read alert-defaults.json", e);
        }
    }
}
