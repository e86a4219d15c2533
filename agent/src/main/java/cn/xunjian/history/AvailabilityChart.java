package cn.xunjian.history;

import cn.xunjian.model.ProbeRecord;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.score.IndicatorCatalogue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A site's probes over a window as an inline SVG (a string for {@code report.html}, no external assets): one
 * green dot per successful probe at its response time, one red mark ({@code class="fail"}) per failed probe in
 * the band above the plot, a dashed line at the timeout, and Chinese axis labels in a CJK font stack.
 */
public final class AvailabilityChart {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.ROOT);
    private static final String FONT = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',"
            + "'WenQuanYi Micro Hei',sans-serif";
    private static final int WIDTH = 760;
    private static final int HEIGHT = 230;
    private static final double LEFT = 56;
    private static final double RIGHT = 744;
    private static final double FAIL_TOP = 30;
    private static final double FAIL_BOTTOM = 44;
    private static final double PLOT_TOP = 52;
    private static final double PLOT_BOTTOM = 190;

    private AvailabilityChart() {
    }

    /** The probes of a judged week, drawn over that week's days. */
    public static String svg(List<ProbeRecord> probes, AvailabilityWeek week, IndicatorCatalogue catalogue) {
        ZonedDateTime start = week.from().atStartOfDay(ShanghaiTime.ZONE);
        ZonedDateTime end = week.to().plusDays(1).atStartOfDay(ShanghaiTime.ZONE);
        return svg(probes, start, end, catalogue.availability().timeoutSeconds(),
                WeeklyRules.standard().chartMaxSeconds());
    }

    /**
     * @param start start of the drawn window (inclusive)
     * @param end end of the drawn window (exclusive); probes outside the window are not drawn
     * @param timeoutSeconds where the timeout line is drawn
     * @param maxSeconds the top of the time axis; slower successful probes are drawn at the top
     */
    public static String svg(List<ProbeRecord> probes, ZonedDateTime start, ZonedDateTime end, int timeoutSeconds,
                             int maxSeconds) {
        long span = Math.max(1, Duration.between(start, end).toMillis());
        StringBuilder marks = new StringBuilder();
        int drawn = 0;
        int failed = 0;
        for (ProbeRecord p : probes) {
            Optional<Instant> at = ProbeTimes.instant(p);
            if (at.isEmpty() || at.get().isBefore(start.toInstant()) || !at.get().isBefore(end.toInstant())) {
                continue;
            }
            drawn++;
            double x = LEFT + (RIGHT - LEFT) * Duration.between(start.toInstant(), at.get()).toMillis() / span;
            String when = TIME.format(at.get().atZone(ShanghaiTime.ZONE));
            if (ProbeTimes.failed(p, timeoutSeconds)) {
                failed++;
                String why = p.reason().isBlank() ? "超过" + timeoutSeconds + "秒" : p.reason();
                marks.append(String.format(Locale.ROOT,
                        "<rect class=\"fail\" x=\"%.1f\" y=\"%.1f\" width=\"3\" height=\"%.1f\" fill=\"#d93025\">"
                                + "<title>%s 失败：%s</title></rect>%n",
                        x - 1.5, FAIL_TOP, FAIL_BOTTOM - FAIL_TOP, escape(when), escape(why)));
            } else {
                double y = y(Math.min(p.millis() / 1000.0, maxSeconds), maxSeconds);
                marks.append(String.format(Locale.ROOT,
                        "<circle class=\"ok\" cx=\"%.1f\" cy=\"%.1f\" r=\"2.2\" fill=\"#1e8e3e\">"
                                + "<title>%s %.1f秒</title></circle>%n",
                        x, y, escape(when), p.millis() / 1000.0));
            }
        }
        String caption = String.format(Locale.ROOT, "首页可用性：%s至%s 共探测%d次，失败%d次", DAY.format(start),
                DAY.format(end.minusNanos(1)), drawn, failed);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"availability-chart\" viewBox=\"0 0 %d %d\" "
                        + "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\" font-family=\"%s\" "
                        + "font-size=\"11\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT, escape(caption), FONT));
        svg.append(String.format(Locale.ROOT, "<title>%s</title>%n", escape(caption)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"16\" font-size=\"13\" fill=\"#202124\">%s</text>%n",
                LEFT, escape(caption)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#d93025\">失败</text>%n",
                LEFT - 6, FAIL_BOTTOM - 3));
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" fill=\"#fafafa\" stroke=\"#dadce0\"/>%n",
                LEFT, PLOT_TOP, RIGHT - LEFT, PLOT_BOTTOM - PLOT_TOP));
        for (int s = 0; s <= maxSeconds; s += 5) {
            svg.append(String.format(Locale.ROOT,
                    "<text class=\"y-label\" x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#5f6368\">%d秒</text>%n",
                    LEFT - 6, y(s, maxSeconds) + 4, s));
        }
        for (LocalDate d = start.toLocalDate(); d.atStartOfDay(ShanghaiTime.ZONE).isBefore(end); d = d.plusDays(1)) {
            ZonedDateTime dayStart = d.atStartOfDay(ShanghaiTime.ZONE);
            double x = LEFT + (RIGHT - LEFT) * Duration.between(start, dayStart).toMillis() / span;
            double mid = LEFT + (RIGHT - LEFT) * Duration.between(start, dayStart.plusHours(12)).toMillis() / span;
            if (x > LEFT) {
                svg.append(String.format(Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#e8eaed\"/>%n",
                        x, FAIL_TOP, x, PLOT_BOTTOM));
            }
            if (mid > LEFT && mid < RIGHT) {
                svg.append(String.format(Locale.ROOT,
                        "<text class=\"x-label\" x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\" fill=\"#5f6368\">%s</text>%n",
                        mid, PLOT_BOTTOM + 16, DAY.format(d)));
            }
        }
        double limit = y(Math.min(timeoutSeconds, maxSeconds), maxSeconds);
        svg.append(String.format(Locale.ROOT,
                "<line class=\"timeout\" x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#d93025\" "
                        + "stroke-dasharray=\"4 3\"/>%n", LEFT, limit, RIGHT, limit));
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#d93025\">%d秒未打开即失败</text>%n",
                RIGHT - 4, limit - 4, timeoutSeconds));
        svg.append(marks);
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%.0f\" y=\"%d\" fill=\"#5f6368\">纵轴：首页响应时间；横轴：日期（北京时间）</text>%n",
                LEFT, HEIGHT - 6));
        svg.append("</svg>");
        return svg.toString();
    }

    private static double y(double seconds, int maxSeconds) {
        return PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * seconds / maxSeconds;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters are not allowed in XML 1.0; a reason copied from an exception may hold one.
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
