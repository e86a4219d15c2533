package cn.xunjian.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.Timings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PhaseTimerTest {
    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private final AtomicLong millis = new AtomicLong(1_000_000);

        void advance(long by) {
            millis.addAndGet(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    @Test
    void addsUpEachPhaseRunsInTheOrderTheyFirstRan() {
        HandClock clock = new HandClock();
        PhaseTimer timer = new PhaseTimer(clock);
        try (PhaseTimer.Lap lap = timer.lap("probe")) {
            clock.advance(150);
        }
        for (int i = 0; i < 3; i++) {
            try (PhaseTimer.Lap lap = timer.lap("render")) {
                clock.advance(200);
            }
        }
        try (PhaseTimer.Lap lap = timer.lap("check", "footer")) {
            clock.advance(70);
        }
        try (PhaseTimer.Lap lap = timer.lap("check", "wording")) {
            clock.advance(30);
        }
        clock.advance(5);
        Timings t = timer.timings();
        assertThat(t.totalMillis()).isEqualTo(855);
        assertThat(t.phases()).containsExactly(
                new Timings.Phase("probe", null, 150, 1),
                new Timings.Phase("render", null, 600, 3),
                new Timings.Phase("check", "footer", 70, 1),
                new Timings.Phase("check", "wording", 30, 1));
    }

    @Test
    void aLapClosedTwiceCountsOnce() {
        HandClock clock = new HandClock();
        PhaseTimer timer = new PhaseTimer(clock);
        PhaseTimer.Lap lap = timer.lap("ocr");
        clock.advance(40);
        lap.close();
        clock.advance(40);
        lap.close();
        assertThat(timer.timings().phases()).containsExactly(new Timings.Phase("ocr", null, 40, 1));
    }

    @Test
    void aTimedRunThatThrowsIsStillCounted() {
        HandClock clock = new HandClock();
        PhaseTimer timer = new PhaseTimer(clock);
        try (PhaseTimer.Lap lap = timer.lap("check", "footer")) {
            clock.advance(10);
            throw new IllegalStateException("boom");
        } catch (IllegalStateException expected) {
            // the lap was closed on the way out
        }
        assertThat(timer.timings().phases()).containsExactly(new Timings.Phase("check", "footer", 10, 1));
    }
}
