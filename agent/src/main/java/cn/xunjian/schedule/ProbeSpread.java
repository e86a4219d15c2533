package cn.xunjian.schedule;

import java.time.Duration;

/**
 * Spreads the sites' probe phases evenly over one probe interval, so that with n sites a probe starts every
 * interval/n instead of all sites being hit at once.
 */
final class ProbeSpread {
    private ProbeSpread() {
    }

    /** The delay of site {@code index} (0-based) of {@code count} before its first probe. */
    public static Duration offset(int index, int count, Duration interval) {
        if (count <= 0 || index < 0 || index >= count) {
            throw new IllegalArgumentException("index " + index + " of " + count);
        }
        return Duration.ofMillis(interval.toMillis() * index / count);
    }
}
