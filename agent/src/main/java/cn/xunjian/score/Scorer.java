package cn.xunjian.score;

import cn.xunjian.check.Finding;
import cn.xunjian.check.Severity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns findings into a verdict: any veto finding fails the site and nothing else is scored; otherwise the
 * deductions, capped per indicator, are taken from 100 and a score below the pass mark fails. The same problem
 * at the same place (indicator, kind, URL and message) is deducted once however many times it was found.
 * Veto items defined by a count (five stale columns) become a veto finding through {@link #thresholds}.
 */
public final class Scorer {
    private final IndicatorCatalogue catalogue;

    public Scorer(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Verdict judge(List<Finding> findings) {
        if (findings.stream().anyMatch(f -> f.severity() == Severity.VETO)) {
            return new Verdict(false, null);
        }
        Map<String, BigDecimal> byIndicator = new HashMap<>();
        Set<List<String>> counted = new HashSet<>();
        for (Finding f : findings) {
            if (f.severity() != Severity.DEDUCT || !catalogue.knows(f.indicator())) {
                continue;
            }
            if (!counted.add(List.of(f.indicator(), f.kind(), f.url(), f.message()))) {
                continue; // the same problem at the same place (a column, a link) is deducted once
            }
            Indicator ind = catalogue.indicator(f.indicator());
            byIndicator.merge(ind.id(), BigDecimal.valueOf(ind.pointsFor(f.kind())), BigDecimal::add);
        }
        BigDecimal score = BigDecimal.valueOf(100);
        for (var e : byIndicator.entrySet()) {
            BigDecimal cap = BigDecimal.valueOf(catalogue.indicator(e.getKey()).cap());
            score = score.subtract(e.getValue().min(cap));
        }
        score = score.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        double value = score.doubleValue();
        return new Verdict(value >= catalogue.passScore(), value);
    }

    /**
     * The veto findings that counted findings add up to: for each count rule of the catalogue reached by the
     * distinct (kind, URL) findings of its kinds, one veto finding saying what was counted and the threshold.
     */
    public List<Finding> thresholds(List<Finding> findings) {
        List<Finding> vetoes = new ArrayList<>();
        for (Indicator ind : catalogue.indicators()) {
            for (Indicator.CountRule rule : ind.counts()) {
                Set<List<String>> places = new LinkedHashSet<>();
                for (Finding f : findings) {
                    if (f.indicator().equals(ind.id()) && f.severity() != Severity.VETO
                            && rule.kinds().contains(f.kind())) {
                        places.add(List.of(f.kind(), f.url()));
                    }
                }
                if (places.size() >= rule.atLeast()) {
                    vetoes.add(new Finding(ind.id(), "threshold.reached", Severity.VETO, null,
                            String.format(Locale.ROOT, "%s共 %d 个，达到单项否决线（%d 个）", rule.what(),
                                    places.size(), rule.atLeast()), List.of()));
                }
            }
        }
        return vetoes;
    }
}
