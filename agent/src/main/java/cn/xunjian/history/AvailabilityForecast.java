package cn.xunjian.history;

import java.time.ZonedDateTime;

/**
 * W-V2 as an inspection held now would see it: the trailing 7×24 hours of probes, today's so far included.
 *
 * @param url the probed home page
 * @param from start of the window (now minus 7 days, Asia/Shanghai)
 * @param to end of the window (now)
 * @param probes probes in the window
 * @param failures failed probes in the window
 * @param ratio failures / probes (0 when there are no probes)
 * @param verdict the verdict an inspection now would reach
 * @param headroom how many more failures the window can take before the veto, counted against the larger of
 *                 the probes so far and the fewest the rule asks (7 × 20); 0 once vetoed
 * @param sentence the forecast as a Chinese sentence for reports
 */
record AvailabilityForecast(String url, ZonedDateTime from, ZonedDateTime to, int probes, int failures,
                                   double ratio, AvailabilityVerdict verdict, int headroom, String sentence) {
}
