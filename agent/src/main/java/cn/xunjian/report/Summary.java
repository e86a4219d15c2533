package cn.xunjian.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Batch totals: sites checked, sites 合格, and the 合格率 as a fraction rounded to four places. */
@JsonPropertyOrder({"checked", "passed", "passRate"})
public record Summary(int checked, int passed, double passRate) {
    public static Summary of(List<SiteReport> sites) {
        int passed = (int) sites.stream().filter(SiteReport::passed).count();
        double rate = sites.isEmpty() ? 0.0 : BigDecimal.valueOf(passed)
                .divide(BigDecimal.valueOf(sites.size()), 4, RoundingMode.HALF_UP).doubleValue();
        return new Summary(sites.size(), passed, rate);
    }
}
