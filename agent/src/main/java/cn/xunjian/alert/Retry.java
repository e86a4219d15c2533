package cn.xunjian.alert;

import cn.xunjian.net.RetryPolicy;
import java.time.Duration;

/**
 * How often a webhook delivery is tried: at most {@code maxAttempts} times, waiting
 * {@code initialBackoffMillis × 2^(n−1)} (capped at {@code maxBackoffMillis}) after the n-th failed attempt.
 */
record Retry(int maxAttempts, long initialBackoffMillis, long maxBackoffMillis) implements RetryPolicy {
    public Retry {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoffMillis < 0 || maxBackoffMillis < initialBackoffMillis) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max");
        }
    }

    /** The wait after the {@code attempt}-th failed attempt (1-based). */
    @Override
    public Duration backoff(int attempt) {
        long wait = initialBackoffMillis;
        for (int i = 1; i < attempt && wait < maxBackoffMillis; i++) {
            wait *= 2;
        }
        return Duration.ofMillis(Math.min(wait, maxBackoffMillis));
    }
}
