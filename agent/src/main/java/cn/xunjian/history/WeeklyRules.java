package cn.xunjian.history;

import cn.xunjian.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The sampling rules of W-V2 over stored probes, read from {@code weekly-availability.json}; the timeout and the
 * veto ratio stay in the indicator catalogue.
 *
 * @param days length of the judged window in days
 * @param minProbesPerDay fewest probes a day for the day to count as fully sampled
 * @param chartMaxSeconds the top of the availability chart's time axis
 */
public record WeeklyRules(String source, int days, int minProbesPerDay, int chartMaxSeconds) {

    public static WeeklyRules standard() {
        try (InputStream in = WeeklyRules.class.getResourceAsStream("weekly-availability.json")) {
            if (in == null) {
                throw new IllegalStateException("weekly-availability.json missing from the jar");
            }
            return Json.mapper().readValue(in, WeeklyRules.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read weekly-availability.json", e);
        }
    }

    /** The fewest probes the whole window needs. */
    public int minProbes() {
        return days * minProbesPerDay;
    }
}
