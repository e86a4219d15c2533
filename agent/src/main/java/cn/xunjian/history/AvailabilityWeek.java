package cn.xunjian.history;

import cn.xunjian.check.AvailabilityCheck;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * W-V2 judged over the last full days of stored probes of one site.
 *
 * @param url the probed home page
 * @param from first judged day (Asia/Shanghai)
 * @param to last judged day, inclusive (yesterday)
 * @param days probes and failures per day, one entry per day from {@code from} to {@code to}
 * @param probes all probes in the window
 * @param failures failed probes in the window
 * @param ratio failures / probes (0 when there are no probes)
 * @param thinDays days with fewer probes than the rule asks (20)
 * @param verdict the W-V2 verdict
 * @param sentence the verdict as a Chinese sentence for reports
 */
public record AvailabilityWeek(String url, LocalDate from, LocalDate to, List<DayCount> days, int probes,
                               int failures, double ratio, int thinDays, AvailabilityVerdict verdict,
                               String sentence) {
    public AvailabilityWeek {
        days = List.copyOf(days);
    }

    /** Probes of one day. */
    public record DayCount(LocalDate day, int probes, int failures) {
        private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("M月d日", Locale.ROOT);

        /** The day as reports head it, e.g. 11月15日. */
        public String label() {
            return LABEL.format(day);
        }
    }

    /**
     * The finding this week contributes to the report: W-V2 {@code availability.week-failed} (veto),
     * {@code availability.week-ok} (info) or {@code availability.week-insufficient} (warning).
     */
    public Finding finding() {
        return switch (verdict) {
            case VETO -> new Finding(AvailabilityCheck.INDICATOR, "availability.week-failed", Severity.VETO, url,
                    sentence, List.of());
            case OK -> new Finding(AvailabilityCheck.INDICATOR, "availability.week-ok", Severity.INFO, url,
                    sentence, List.of());
            case INSUFFICIENT -> new Finding(AvailabilityCheck.INDICATOR, "availability.week-insufficient",
                    Severity.WARN, url, sentence, List.of());
        };
    }
}
