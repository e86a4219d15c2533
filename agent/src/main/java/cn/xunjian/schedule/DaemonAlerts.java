package cn.xunjian.schedule;

import cn.xunjian.alert.AlertConfig;
import cn.xunjian.alert.AlertDispatcher;
import cn.xunjian.alert.AlertEvent;
import cn.xunjian.alert.StreakTracker;
import cn.xunjian.model.Finding;
import cn.xunjian.model.ProbeRecord;
import cn.xunjian.history.FindingDiff;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's alerts: a streak of failed probes and the recovery after it, from every probe; veto findings the
 * previous run did not have, from every completed audit. Sent from a thread of their own, so a slow or failing
 * webhook (retried with back-off) never holds up a probe or an audit.
 */
final class DaemonAlerts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DaemonAlerts.class);

    private final AlertDispatcher dispatcher;
    private final StreakTracker streaks;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alerts");
        t.setDaemon(true);
        return t;
    });

    public DaemonAlerts(AlertDispatcher dispatcher, int failureStreak) {
        this.dispatcher = dispatcher;
        this.streaks = new StreakTracker(failureStreak);
    }

    /** The alerts of a schedule file's {@code alerts} list. */
    public static DaemonAlerts of(Schedule schedule, Clock clock) {
        AlertConfig config = new AlertConfig(schedule.alerts().stream()
                .map(a -> new AlertConfig.Webhook(a.type(), a.url(), a.secret())).toList());
        return new DaemonAlerts(AlertDispatcher.of(config, clock), config.failureStreak());
    }

    /** Replays stored probes after a restart, so a streak that was already reported is not reported again. */
    public void prime(AlertEvent.Site site, List<ProbeRecord> stored) {
        streaks.prime(site, stored);
    }

    public void probed(AlertEvent.Site site, ProbeRecord probe) {
        streaks.observe(site, probe).ifPresent(event -> send(List.of(event)));
    }

    /**
     * Alerts the veto findings of a completed audit that the previous completed run did not have.
     *
     * @param previous the previous run's findings; null for a site's first run (every veto is then new)
     */
    public void audited(AlertEvent.Site site, List<Finding> previous, List<Finding> current) {
        send(AlertEvent.newVetoes(site, FindingDiff.diff(previous == null ? List.of() : previous, current)));
    }

    private void send(List<AlertEvent> events) {
        if (!events.isEmpty()) {
            sender.execute(() -> dispatcher.dispatchAll(events));
        }
    }

    /** Sends what is queued, waiting a bounded time. */
    @Override
    public void close() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("alerts still being sent at shutdown were dropped");
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            sender.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
