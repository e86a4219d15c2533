package cn.xunjian.alert;

import java.time.Duration;

/** Waits between delivery attempts; tests pass one that records instead of waiting. */
@FunctionalInterface
interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
