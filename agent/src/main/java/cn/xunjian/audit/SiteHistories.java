package cn.xunjian.audit;

import cn.xunjian.model.Finding;
import cn.xunjian.model.ProbeRecord;
import cn.xunjian.model.Severity;
import cn.xunjian.history.AvailabilityVerdict;
import cn.xunjian.history.AvailabilityWeek;
import cn.xunjian.history.SiteHistory;
import cn.xunjian.history.WeeklyAvailability;
import cn.xunjian.score.IndicatorCatalogue;
import cn.xunjian.site.SiteFile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins a site's findings with its past when the audit runs under the daemon. W-V2 is defined over a week of
 * probes, so once the stored week decides (veto or not), the week's finding carries the verdict and this run's own
 * probe failures stay in the report as warnings; with too few stored probes this run's probes still decide.
 */
final class SiteHistories {
    private static final Logger LOG = LoggerFactory.getLogger(SiteHistories.class);
    private static final Duration LOOK_BACK = Duration.ofDays(8);

    private final AuditServices services;
    private final IndicatorCatalogue catalogue;
    private final Clock clock;

    SiteHistories(AuditServices services, IndicatorCatalogue catalogue, Clock clock) {
        this.services = services;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * The findings with the week's W-V2 verdict applied, and the history the report shows; empty without a store,
     * or when the store cannot be read (the run is then judged on its own probes, as a one-off audit is).
     */
    Optional<Result> apply(SiteFile site, List<Finding> findings) {
        if (services.probes().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(withPast(site, findings));
        } catch (RuntimeException e) {
            LOG.warn("history of {} unreadable, judged on this run alone: {}", site.url(), e.toString());
            return Optional.empty();
        }
    }

    private Result withPast(SiteFile site, List<Finding> findings) {
        Instant now = clock.instant();
        List<ProbeRecord> probes = services.probes().get().probes(site.url(), now.minus(LOOK_BACK), now);
        List<Finding> previous = services.runs().flatMap(r -> r.previousFindings(site.url(), services.runId()))
                .orElse(null);
        AvailabilityWeek week = WeeklyAvailability.judge(probes, clock, catalogue);
        List<Finding> judged = new ArrayList<>();
        boolean weekDecides = week.verdict() != AvailabilityVerdict.INSUFFICIENT;
        for (Finding f : findings) {
            if (weekDecides && f.indicator().equals("W-V2") && f.severity() == Severity.VETO) {
                judged.add(new Finding(f.indicator(), f.kind(), Severity.WARN, f.url(),
                        f.message() + "（W-V2 按近7天的探测记录判定，见下条）", f.evidence()));
            } else {
                judged.add(f);
            }
        }
        judged.add(week.finding());
        return new Result(judged, SiteHistory.of(week, probes, previous, judged, clock, catalogue));
    }

    record Result(List<Finding> findings, SiteHistory history) {
    }
}
