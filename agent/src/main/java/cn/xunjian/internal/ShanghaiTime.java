package cn.xunjian.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Formats instants of an injected clock in the Asia/Shanghai zone. */
public final class ShanghaiTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", java.util.Locale.ROOT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", java.util.Locale.ROOT);

    private ShanghaiTime() {
    }

    /** ISO-8601 with offset, seconds precision: {@code 2026-11-22T02:00:00+08:00}. */
    public static String iso(Clock clock) {
        return clock.instant().atZone(ZONE).format(ISO);
    }

    /** ISO-8601 with offset, seconds precision, of one instant. */
    public static String iso(java.time.Instant instant) {
        return instant.atZone(ZONE).format(ISO);
    }

    /** Folder-name stamp: {@code 20261122-020000}. */
    public static String stamp(Clock clock) {
        return clock.instant().atZone(ZONE).format(STAMP);
    }
}
