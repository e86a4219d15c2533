package cn.xunjian.net;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-host politeness: at most {@code perHost} requests in flight and {@code minDelay} between their starts, and
 * a limit that adapts as TCP's congestion window does (additive increase, multiplicative decrease): each answer
 * of {@code backoffStatuses} (a 429, a 5xx) halves the requests allowed in flight to that host, down to one, and
 * every {@code recoverAfter} other answers give one back, up to {@code perHost}.
 */
final class HostGate {
    private final int perHost;
    private final long minDelayNanos;
    private final Set<Integer> backoffStatuses;
    private final int recoverAfter;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    private static final class Slot {
        int limit;
        int inFlight;
        int calm;
        long nextStart;

        Slot(int limit) {
            this.limit = limit;
        }
    }

    HostGate(int perHost, Duration minDelay) {
        this(perHost, minDelay, Set.of(), 1);
    }

    HostGate(int perHost, Duration minDelay, Set<Integer> backoffStatuses, int recoverAfter) {
        this.perHost = perHost;
        this.minDelayNanos = minDelay.toNanos();
        this.backoffStatuses = Set.copyOf(backoffStatuses);
        this.recoverAfter = recoverAfter;
    }

    /** Waits for a slot on {@code hostKey}; call {@link #release} when the request is over. */
    void acquire(String hostKey) throws InterruptedException {
        Slot slot = slots.computeIfAbsent(hostKey, k -> new Slot(perHost));
        long wait;
        synchronized (slot) {
            while (slot.inFlight >= slot.limit) {
                slot.wait();
            }
            slot.inFlight++;
            if (minDelayNanos <= 0) {
                return;
            }
            long now = System.nanoTime();
            long start = Math.max(now, slot.nextStart);
            slot.nextStart = start + minDelayNanos;
            wait = start - now;
        }
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                release(hostKey, 0);
                throw e;
            }
        }
    }

    /**
     * Ends a request on {@code hostKey} that was answered with {@code status} (0: no answer, which tells nothing
     * about the host's load) and lets the next one in.
     */
    void release(String hostKey, int status) {
        Slot slot = slots.get(hostKey);
        if (slot == null) {
            return;
        }
        synchronized (slot) {
            slot.inFlight--;
            if (backoffStatuses.contains(status)) {
                slot.limit = Math.max(1, slot.limit / 2);
                slot.calm = 0;
            } else if (status > 0 && slot.limit < perHost && ++slot.calm >= recoverAfter) {
                slot.limit++;
                slot.calm = 0;
                slot.notify(); // the new slot's waiter; the freed one's below
            }
            slot.notify(); // one freed slot, one waiter: waking them all would only put them back to sleep
        }
    }

    /** The requests now allowed in flight to {@code hostKey}. */
    int limit(String hostKey) {
        Slot slot = slots.get(hostKey);
        if (slot == null) {
            return perHost;
        }
        synchronized (slot) {
            return slot.limit;
        }
    }
}
