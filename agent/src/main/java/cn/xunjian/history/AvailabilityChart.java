package cn.xunjian.history;

import cn.xunjian.internal.HtmlTemplates;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.model.ProbeRecord;
import cn.xunjian.score.IndicatorCatalogue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A site's probes over a window, laid out for the inline SVG of {@code report.html} ({@code history/chart.jte}, no
 * external assets): one green dot per successful probe at its response time, one red mark ({@code class="fail"})
 * per failed probe in the band above the plot, a dashed line at the timeout, and Chinese axis labels in a CJK font
 * stack. Coordinates are the SVG's user units, rounded to a tenth.
 *
 * @param caption what the chart shows, also its accessible name
 * @param timeoutSeconds where the timeout line is drawn
 * @param timeoutY the height of the timeout line
 * @param timeoutLabelY the height of the timeout line's label
 * @param ticks the labels of the time axis
 * @param days the days of the window: a grid line at each day's start, a label at its noon
 * @param marks one per drawn probe
 */
record AvailabilityChart(String caption, int timeoutSeconds, double timeoutY, double timeoutLabelY,
                                List<Tick> ticks, List<Day> days, List<Mark> marks) {
    public static final String FONT = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',"
            + "'WenQuanYi Micro Hei',sans-serif";
    public static final int WIDTH = 760;
    public static final int HEIGHT = 230;
    public static final int LEFT = 56;
    public static final int RIGHT = 744;
    public static final int FAIL_TOP = 30;
    public static final int FAIL_BOTTOM = 44;
    public static final int PLOT_TOP = 52;
    public static final int PLOT_BOTTOM = 190;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.ROOT);

    public AvailabilityChart {
        ticks = List.copyOf(ticks);
        days = List.copyOf(days);
        marks = List.copyOf(marks);
    }

    /** A label of the time axis, e.g. 5秒, standing on {@code labelY}. */
    public record Tick(int seconds, double labelY) {
    }

    /**
     * One day of the window.
     *
     * @param lineX where the day starts; null for the first day, whose start is the plot's edge
     * @param labelX where its label stands (noon); null when noon falls outside the plot
     */
    public record Day(String label, Double lineX, Double labelX) {
    }

    /** One probe: a failed one as a red mark in the band above the plot, a successful one as a dot. */
    public record Mark(boolean failed, double x, double y, String title) {
    }

    /** The probes of a judged week, drawn over that week's days. */
    public static AvailabilityChart of(List<ProbeRecord> probes, AvailabilityWeek week, IndicatorCatalogue catalogue) {
        ZonedDateTime start = week.from().atStartOfDay(ShanghaiTime.ZONE);
        ZonedDateTime end = week.to().plusDays(1).atStartOfDay(ShanghaiTime.ZONE);
        return of(probes, start, end, catalogue.availability().timeoutSeconds(),
                WeeklyRules.standard().chartMaxSeconds());
    }

    /**
     * @param start start of the drawn window (inclusive)
     * @param end end of the drawn window (exclusive); probes outside the window are not drawn
     * @param timeoutSeconds where the timeout line is drawn
     * @param maxSeconds the top of the time axis; slower successful probes are drawn at the top
     */
    public static AvailabilityChart of(List<ProbeRecord> probes, ZonedDateTime start, ZonedDateTime end,
                                       int timeoutSeconds, int maxSeconds) {
        long span = Math.max(1, Duration.between(start, end).toMillis());
        List<Mark> marks = new ArrayList<>();
        int failed = 0;
        for (ProbeRecord p : probes) {
            Optional<Instant> at = ProbeTimes.instant(p);
            if (at.isEmpty() || at.get().isBefore(start.toInstant()) || !at.get().isBefore(end.toInstant())) {
                continue;
            }
            double x = LEFT + (RIGHT - LEFT) * (double) Duration.between(start.toInstant(), at.get()).toMillis() / span;
            String when = TIME.format(at.get().atZone(ShanghaiTime.ZONE));
            if (ProbeTimes.failed(p, timeoutSeconds)) {
                failed++;
                String why = p.reason().isBlank() ? "超过" + timeoutSeconds + "秒" : p.reason();
                marks.add(new Mark(true, tenth(x - 1.5), FAIL_TOP, when + " 失败：" + printable(why)));
            } else {
                double y = y(Math.min(p.millis() / 1000.0, maxSeconds), maxSeconds);
                marks.add(new Mark(false, tenth(x), tenth(y),
                        String.format(Locale.ROOT, "%s %.1f秒", when, p.millis() / 1000.0)));
            }
        }
        List<Tick> ticks = new ArrayList<>();
        for (int s = 0; s <= maxSeconds; s += 5) {
            ticks.add(new Tick(s, tenth(y(s, maxSeconds) + 4)));
        }
        List<Day> days = new ArrayList<>();
        for (LocalDate d = start.toLocalDate(); d.atStartOfDay(ShanghaiTime.ZONE).isBefore(end); d = d.plusDays(1)) {
            ZonedDateTime dayStart = d.atStartOfDay(ShanghaiTime.ZONE);
            double x = LEFT + (RIGHT - LEFT) * (double) Duration.between(start, dayStart).toMillis() / span;
            double mid = LEFT + (RIGHT - LEFT) * (double) Duration.between(start, dayStart.plusHours(12)).toMillis() / span;
            days.add(new Day(DAY.format(d), x > LEFT ? tenth(x) : null, mid > LEFT && mid < RIGHT ? tenth(mid) : null));
        }
        String caption = String.format(Locale.ROOT, "首页可用性：%s至%s 共探测%d次，失败%d次", DAY.format(start),
                DAY.format(end.minusNanos(1)), marks.size(), failed);
        double timeoutY = y(Math.min(timeoutSeconds, maxSeconds), maxSeconds);
        return new AvailabilityChart(caption, timeoutSeconds, tenth(timeoutY), tenth(timeoutY - 4), ticks, days, marks);
    }

    /** The chart as a standalone SVG document. */
    public String svg() {
        return HtmlTemplates.render("history/chart.jte", this);
    }

    private static double y(double seconds, int maxSeconds) {
        return PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * seconds / maxSeconds;
    }

    private static double tenth(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** XML 1.0 allows no control characters, and the SVG is also read as XML; a reason copied from an exception may hold one. */
    private static String printable(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", " ");
    }
}
