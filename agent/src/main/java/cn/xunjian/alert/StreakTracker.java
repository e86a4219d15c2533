package cn.xunjian.alert;

import cn.xunjian.model.ProbeRecord;
import cn.xunjian.history.ProbeTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides, probe by probe, when a site's failure streak deserves an alert: the {@code threshold}-th consecutive
 * failure raises one {@link AlertEvent.ProbeStreak} (however long the streak goes on), and the first success after
 * an alerted streak raises one {@link AlertEvent.Recovered}. A streak shorter than the threshold ends silently.
 * Sites are tracked by URL; safe for concurrent probes of different sites.
 */
public final class StreakTracker {
    private final int threshold;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    private record State(int failures, Instant firstFailure, boolean alerted) {
        static final State CLEAR = new State(0, null, false);
    }

    public StreakTracker(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
    }

    /** The event this probe raises, if any. Probes of one site must be observed in time order. */
    public Optional<AlertEvent> observe(AlertEvent.Site site, ProbeRecord probe) {
        Instant at = ProbeTimes.instant(probe).orElse(null);
        if (at == null) {
            return Optional.empty();
        }
        AlertEvent[] raised = new AlertEvent[1];
        states.compute(site.url(), (url, old) -> {
            State s = old == null ? State.CLEAR : old;
            if (probe.ok()) {
                if (s.alerted()) {
                    raised[0] = new AlertEvent.Recovered(site, Duration.between(s.firstFailure(), at));
                }
                return State.CLEAR;
            }
            int failures = s.failures() + 1;
            Instant first = s.failures() == 0 ? at : s.firstFailure();
            boolean alert = !s.alerted() && failures >= threshold;
            if (alert) {
                raised[0] = new AlertEvent.ProbeStreak(site, failures, first, probe.reason());
            }
            return new State(failures, first, s.alerted() || alert);
        });
        return Optional.ofNullable(raised[0]);
    }

    /**
     * Replays stored probes (oldest first) without raising events, so a restarted daemon continues a streak it
     * already alerted instead of alerting it again.
     */
    public void prime(AlertEvent.Site site, List<ProbeRecord> history) {
        history.forEach(p -> observe(site, p));
    }

    /** Consecutive failures of the site so far (0 after a success or when unknown). */
    public int failures(String siteUrl) {
        return states.getOrDefault(siteUrl, State.CLEAR).failures();
    }
}
