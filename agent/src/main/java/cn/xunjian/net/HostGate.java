package cn.xunjian.net;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/** Per-host politeness: at most {@code perHost} requests in flight and {@code minDelay} between their starts. */
final class HostGate {
    private final int perHost;
    private final long minDelayNanos;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    private static final class Slot {
        final Semaphore permits;
        long nextStart;

        Slot(int permits) {
            this.permits = new Semaphore(permits);
        }
    }

    HostGate(int perHost, Duration minDelay) {
        this.perHost = perHost;
        this.minDelayNanos = minDelay.toNanos();
    }

    /** Waits for a slot on {@code hostKey}; call {@link #release} when the request is over. */
    void acquire(String hostKey) throws InterruptedException {
        Slot slot = slots.computeIfAbsent(hostKey, k -> new Slot(perHost));
        slot.permits.acquire();
        if (minDelayNanos <= 0) {
            return;
        }
        long wait;
        synchronized (slot) {
            long now = System.nanoTime();
            long start = Math.max(now, slot.nextStart);
            slot.nextStart = start + minDelayNanos;
            wait = start - now;
        }
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                slot.permits.release();
                throw e;
            }
        }
    }

    void release(String hostKey) {
        Slot slot = slots.get(hostKey);
        if (slot != null) {
            slot.permits.release();
        }
    }
}
