package cn.xunjian.net;

import java.time.Duration;

/**
 * How often the stack tries a request that a caller wants retried (alerts do; crawls and probes do not): at most
 * {@link #maxAttempts()} times, waiting {@link #backoff(int)} after a failed attempt. A transport failure, a 5xx
 * and a 429 are retried; anything else is final, since repeating the same request cannot change it.
 */
public interface RetryPolicy {
    int maxAttempts();

    /** The wait after the {@code attempt}-th failed attempt (1-based). */
    Duration backoff(int attempt);

    /** Whether an attempt that ended in {@code outcome} is worth repeating. */
    default boolean retryable(HttpOutcome outcome) {
        if (outcome instanceof HttpResponse r) {
            return r.status() >= 500 || r.status() == 429;
        }
        return outcome instanceof HttpFailure f && f.problem().transport();
    }

    /** Waits between attempts; tests pass one that records instead of waiting. */
    @FunctionalInterface
    interface Pause {
        Pause REAL = d -> Thread.sleep(d.toMillis());

        void pause(Duration wait) throws InterruptedException;
    }

    /** The last attempt's outcome and how many attempts were made. */
    record Tried(HttpOutcome outcome, int attempts) {
    }
}
