package cn.xunjian.history;

import cn.xunjian.model.Finding;
import cn.xunjian.model.ProbeRecord;
import cn.xunjian.score.IndicatorCatalogue;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the report shows about a site's past: the W-V2 week, the forecast, the chart, and how this run's
 * findings compare with the previous run's.
 *
 * @param chart the probes of the week as the report's chart
 * @param changes the finding diff; empty when there was no previous run
 * @param comparedWithPrevious whether a previous run existed
 */
public record SiteHistory(AvailabilityWeek week, AvailabilityForecast forecast, AvailabilityChart chart,
                          List<FindingChange> changes, boolean comparedWithPrevious) {
    public SiteHistory {
        changes = List.copyOf(changes);
    }

    /**
     * @param probes the site's stored probes covering at least the last eight days (e.g. ProbeHistory.probes(url,
     *               now − 8 days, now)); older ones are ignored
     * @param previous the previous run's findings, or null when this is the site's first run
     * @param current this run's findings
     */
    public static SiteHistory of(List<ProbeRecord> probes, List<Finding> previous, List<Finding> current, Clock clock,
                                 IndicatorCatalogue catalogue) {
        return of(WeeklyAvailability.judge(probes, clock, catalogue), probes, previous, current, clock, catalogue);
    }

    /** As {@link #of(List, List, List, Clock, IndicatorCatalogue)} with the week already judged from {@code probes}. */
    public static SiteHistory of(AvailabilityWeek week, List<ProbeRecord> probes, List<Finding> previous,
                                 List<Finding> current, Clock clock, IndicatorCatalogue catalogue) {
        AvailabilityForecast forecast = WeeklyAvailability.forecast(probes, clock, catalogue);
        AvailabilityChart chart = AvailabilityChart.of(probes, week, catalogue);
        List<FindingChange> changes = previous == null ? List.of() : FindingDiff.diff(previous, current);
        return new SiteHistory(week, forecast, chart, changes, previous != null);
    }

    /** How a finding of this run compares with the previous run (by identity of the finding object). */
    public Optional<FindingChange.Change> changeOf(Finding current) {
        Map<Finding, FindingChange.Change> byFinding = new IdentityHashMap<>();
        changes.stream().filter(c -> c.change() != FindingChange.Change.FIXED)
                .forEach(c -> byFinding.put(c.f(), c.change()));
        return Optional.ofNullable(byFinding.get(current));
    }

    /** Findings of the previous run that this run no longer has. */
    public List<Finding> fixed() {
        return changes.stream().filter(c -> c.change() == FindingChange.Change.FIXED).map(FindingChange::f).toList();
    }

    public long count(FindingChange.Change change) {
        return changes.stream().filter(c -> c.change() == change).count();
    }
}
