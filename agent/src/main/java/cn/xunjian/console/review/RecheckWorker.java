package cn.xunjian.console.review;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks queued re-checks and hands each to the {@link RecheckRunner}, then records the outcome. {@link #drain()} runs
 * what is queued now; {@link #start} polls on a thread of its own. A runner that throws is an undetermined outcome.
 */
public final class RecheckWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecheckWorker.class);

    private final ReviewStore reviews;
    private final RecheckRunner runner;
    private ScheduledExecutorService timer;

    public RecheckWorker(ReviewStore reviews, RecheckRunner runner) {
        this.reviews = reviews;
        this.runner = runner;
    }

    /** Runs every queued re-check; returns how many ran. */
    public int drain() {
        int n = 0;
        for (var next = reviews.claimNext(); next.isPresent(); next = reviews.claimNext()) {
            RecheckRequest request = next.get();
            RecheckResult result;
            try {
                result = runner.recheck(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result = new RecheckResult(RecheckResult.Outcome.UNDETERMINED, List.of(), "复验被中断");
            } catch (Exception e) {
                LOG.warn("re-check {} of finding {} failed", request.id(), request.finding().findingId(), e);
                result = new RecheckResult(RecheckResult.Outcome.UNDETERMINED, List.of(), "复验出错：" + e.getMessage());
            }
            reviews.recordRecheck(request, result);
            n++;
        }
        return n;
    }

    public synchronized void start(Duration every) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "xunjian-recheck");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                drain();
            } catch (RuntimeException e) {
                LOG.warn("re-check worker could not reach the database: {}", e.getMessage());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
