package cn.xunjian.history;

import cn.xunjian.internal.RuleFiles;

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
        return RuleFiles.load(WeeklyRules.class, "weekly-availability.json", WeeklyRules.class);
    }

    /** The fewest probes the whole window needs. */
    public int minProbes() {
        return days * minProbesPerDay;
    }
}
