package cn.xunjian.history;

import cn.xunjian.model.ProbeRecord;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.model.AvailabilityThresholds;
import cn.xunjian.score.IndicatorCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Judges W-V2 from stored probes the way the indicator defines it: seven days, at least 20 visits a day, a visit
 * failing when the home page has not opened within the timeout, veto at a failure share of 5 %.
 *
 * <p>{@link #judge} uses the last seven <em>full</em> Asia/Shanghai calendar days (yesterday and the six before),
 * because the rule counts visits per day: a partial today would always look under-sampled, and the verdict of a
 * finished week does not change during the day it is reported. {@link #forecast} answers the operator's
 * question "if the inspection were today" over the trailing 7×24 hours ending now.
 *
 * <p>A sample that is short of probes is not simply "insufficient": when the failures already reach the veto
 * ratio even if every missing probe had succeeded, the veto is certain and reported as such.
 */
public final class WeeklyAvailability {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日", Locale.ROOT);

    private WeeklyAvailability() {
    }

    /** W-V2 over the last full days, with the default sampling rules. */
    public static AvailabilityWeek judge(List<ProbeRecord> probes, Clock clock, IndicatorCatalogue catalogue) {
        return judge(probes, clock, catalogue, WeeklyRules.standard());
    }

    /** W-V2 over the last {@code rules.days()} full days. Probes outside the window are ignored. */
    public static AvailabilityWeek judge(List<ProbeRecord> probes, Clock clock, IndicatorCatalogue catalogue,
                                         WeeklyRules rules) {
        AvailabilityThresholds wv2 = catalogue.availability();
        LocalDate today = clock.instant().atZone(ShanghaiTime.ZONE).toLocalDate();
        LocalDate from = today.minusDays(rules.days());
        LocalDate to = today.minusDays(1);
        Map<LocalDate, int[]> perDay = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            perDay.put(d, new int[2]);
        }
        for (ProbeRecord p : probes) {
            Optional<Instant> at = ProbeTimes.instant(p);
            if (at.isEmpty()) {
                continue;
            }
            int[] day = perDay.get(at.get().atZone(ShanghaiTime.ZONE).toLocalDate());
            if (day != null) {
                day[0]++;
                day[1] += ProbeTimes.failed(p, wv2.timeoutSeconds()) ? 1 : 0;
            }
        }
        List<AvailabilityWeek.DayCount> days = new ArrayList<>();
        int total = 0;
        int failures = 0;
        int thinDays = 0;
        int missing = 0;
        for (Map.Entry<LocalDate, int[]> e : perDay.entrySet()) {
            int n = e.getValue()[0];
            days.add(new AvailabilityWeek.DayCount(e.getKey(), n, e.getValue()[1]));
            total += n;
            failures += e.getValue()[1];
            if (n < rules.minProbesPerDay()) {
                thinDays++;
                missing += rules.minProbesPerDay() - n;
            }
        }
        double ratio = total == 0 ? 0 : (double) failures / total;
        AvailabilityVerdict verdict = reaches(failures, total + missing, wv2.vetoFailureRatio())
                ? AvailabilityVerdict.VETO
                : thinDays > 0 ? AvailabilityVerdict.INSUFFICIENT : AvailabilityVerdict.OK;
        String url = probes.isEmpty() ? "" : probes.get(0).url();
        String sentence = weekSentence(from, to, total, failures, ratio, thinDays, verdict, wv2, rules);
        return new AvailabilityWeek(url, from, to, days, total, failures, ratio, thinDays, verdict, sentence);
    }

    /** "If the inspection were today", with the default sampling rules. */
    public static AvailabilityForecast forecast(List<ProbeRecord> probes, Clock clock, IndicatorCatalogue catalogue) {
        return forecast(probes, clock, catalogue, WeeklyRules.standard());
    }

    /**
     * "If the inspection were today": the trailing {@code rules.days()}×24 hours ending now. The sample is judged
     * as a whole (the window cuts two calendar days in part, so per-day counts would mislead).
     */
    public static AvailabilityForecast forecast(List<ProbeRecord> probes, Clock clock, IndicatorCatalogue catalogue,
                                                WeeklyRules rules) {
        AvailabilityThresholds wv2 = catalogue.availability();
        Instant now = clock.instant();
        Instant start = now.minus(java.time.Duration.ofDays(rules.days()));
        int total = 0;
        int failures = 0;
        for (ProbeRecord p : probes) {
            Optional<Instant> at = ProbeTimes.instant(p);
            if (at.isPresent() && at.get().isAfter(start) && !at.get().isAfter(now)) {
                total++;
                failures += ProbeTimes.failed(p, wv2.timeoutSeconds()) ? 1 : 0;
            }
        }
        int judged = Math.max(total, rules.minProbes());
        double ratio = total == 0 ? 0 : (double) failures / total;
        AvailabilityVerdict verdict = reaches(failures, judged, wv2.vetoFailureRatio())
                ? AvailabilityVerdict.VETO
                : total < rules.minProbes() ? AvailabilityVerdict.INSUFFICIENT : AvailabilityVerdict.OK;
        int headroom = verdict == AvailabilityVerdict.VETO ? 0
                : vetoCount(judged, wv2.vetoFailureRatio()) - 1 - failures;
        String url = probes.isEmpty() ? "" : probes.get(0).url();
        String head = String.format(Locale.ROOT, "如果今天检查：近%d天（%d×24小时）首页共探测%d次，失败%d次（%s），",
                rules.days(), rules.days(), total, failures, percent(ratio));
        String tail = switch (verdict) {
            case VETO -> String.format(Locale.ROOT, "已达到%s否决线，将被单项否决。", percent(wv2.vetoFailureRatio()));
            case OK -> String.format(Locale.ROOT, "低于%s否决线；再失败%d次将被否决。",
                    percent(wv2.vetoFailureRatio()), headroom + 1);
            case INSUFFICIENT -> String.format(Locale.ROOT, "探测不足%d次，样本不足；按%d次计，再失败%d次将被否决。",
                    rules.minProbes(), rules.minProbes(), headroom + 1);
        };
        return new AvailabilityForecast(url, start.atZone(ShanghaiTime.ZONE), now.atZone(ShanghaiTime.ZONE), total,
                failures, ratio, verdict, headroom, head + tail);
    }

    private static String weekSentence(LocalDate from, LocalDate to, int total, int failures, double ratio,
                                       int thinDays, AvailabilityVerdict verdict,
                                       AvailabilityThresholds wv2, WeeklyRules rules) {
        String line = percent(wv2.vetoFailureRatio());
        if (total == 0) {
            return String.format(Locale.ROOT, "近%d天（%s至%s）没有首页探测记录，无法判定站点可用性。",
                    rules.days(), DAY.format(from), DAY.format(to));
        }
        String head = String.format(Locale.ROOT, "近%d天（%s至%s）首页共探测%d次，失败%d次（%s），",
                rules.days(), DAY.format(from), DAY.format(to), total, failures, percent(ratio));
        String thin = String.format(Locale.ROOT, "有%d天探测少于%d次", thinDays, rules.minProbesPerDay());
        return head + switch (verdict) {
            case VETO -> thinDays == 0
                    ? String.format(Locale.ROOT, "达到%s否决线，站点无法访问，单项否决。", line)
                    : String.format(Locale.ROOT, "%s，但即使补足探测也已达到%s否决线，站点无法访问，单项否决。", thin, line);
            case OK -> String.format(Locale.ROOT, "低于%s否决线；每天探测均不少于%d次。", line, rules.minProbesPerDay());
            case INSUFFICIENT -> String.format(Locale.ROOT, "%s，样本不足，暂不能判定（否决线%s）。", thin, line);
        };
    }

    /** Whether {@code failures} out of {@code n} reach the veto ratio; exact for ratios such as 0.05. */
    private static boolean reaches(int failures, int n, double ratio) {
        return n > 0 && failures > 0 && failures >= vetoCount(n, ratio);
    }

    /** The fewest failures out of {@code n} that reach the ratio (guarding against 0.05 × 140 = 7.000000000000001). */
    private static int vetoCount(int n, double ratio) {
        return Math.max(1, (int) Math.ceil(ratio * n - 1e-9));
    }

    private static String percent(double ratio) {
        double p = Math.round(ratio * 1000) / 10.0;
        return p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f%%", p) : String.format(Locale.ROOT, "%.1f%%", p);
    }
}
