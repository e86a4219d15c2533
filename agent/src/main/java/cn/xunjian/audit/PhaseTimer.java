package cn.xunjian.audit;

import cn.xunjian.model.Timings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up, per phase of one site's audit, the time its runs took on the audit's clock. A phase is named by its kind
 * and, for checks, the check's name. Safe to use from the crawl's threads as well as the audit's.
 */
final class PhaseTimer {
    private final Clock clock;
    private final long started;
    private final Map<Key, long[]> phases = new LinkedHashMap<>();

    PhaseTimer(Clock clock) {
        this.clock = clock;
        this.started = clock.millis();
    }

    /** Starts a run of a phase; closing the lap adds its time to the phase. */
    Lap lap(String phase, String check) {
        return new Lap(this, new Key(phase, check), clock.millis());
    }

    Lap lap(String phase) {
        return lap(phase, null);
    }

    /** What has been timed so far, the total counted from this timer's creation. */
    synchronized Timings timings() {
        List<Timings.Phase> list = new ArrayList<>();
        phases.forEach((k, v) -> list.add(new Timings.Phase(k.phase(), k.check(), v[0], (int) v[1])));
        return new Timings(clock.millis() - started, list);
    }

    private synchronized void add(Key key, long millis) {
        long[] sum = phases.computeIfAbsent(key, k -> new long[2]);
        sum[0] += Math.max(0, millis);
        sum[1]++;
    }

    private record Key(String phase, String check) {
    }

    /** One run of a phase, timed until it is closed. */
    static final class Lap implements AutoCloseable {
        private final PhaseTimer timer;
        private final Key key;
        private final long start;
        private boolean closed;

        private Lap(PhaseTimer timer, Key key, long start) {
            this.timer = timer;
            this.key = key;
            this.start = start;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                timer.add(key, timer.clock.millis() - start);
            }
        }
    }
}
