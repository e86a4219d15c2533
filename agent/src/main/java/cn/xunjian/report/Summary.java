package cn.xunjian.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/** Batch totals: sites (or accounts) checked, 合格, and the 合格率 as a fraction rounded to four places. */
@JsonPropertyOrder({"checked", "passed", "passRate"})
public record Summary(int checked, int passed, double passRate) {
    public static Summary of(List<SiteReport> sites) {
        return of(sites.size(), (int) sites.stream().filter(SiteReport::passed).count());
    }

    public static Summary of(int checked, int passed) {
        double rate = checked == 0 ? 0.0 : BigDecimal.valueOf(passed)
                .divide(BigDecimal.valueOf(checked), 4, RoundingMode.HALF_UP).doubleValue();
        return new Summary(checked, passed, rate);
    }

    /** The 合格率 as Chinese reports print it, e.g. {@code 66.67%}. */
    public String percent() {
        return String.format(Locale.ROOT, "%.2f%%", passRate * 100);
    }
}
