package cn.xunjian.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Takes the signals that stop {@code serve} (SIGTERM, SIGINT from Ctrl+C, SIGHUP) before the JVM begins to shut down,
 * so the daemon's ordered stop runs while everything it needs is still open. Left to the JVM, such a signal runs all
 * shutdown hooks at once, H2's among them, which closes the embedded database under the stop. The exit status stays
 * the JVM's own for the signal: 128 + its number (143 for SIGTERM, 130 for SIGINT, 129 for SIGHUP).
 */
final class StopSignals {
    private static final List<String> NAMES = List.of("TERM", "INT", "HUP");

    private final CountDownLatch received = new CountDownLatch(1);
    private final AtomicInteger exitCode = new AtomicInteger();

    private StopSignals() {
    }

    /**
     * Handles the stop signals from now on. A signal the JVM will not hand over (for instance when started with
     * {@code -Xrs}) keeps its default: the JVM shuts down and runs the hooks.
     */
    static StopSignals install() {
        StopSignals signals = new StopSignals();
        for (String name : NAMES) {
            try {
                Signal.handle(new Signal(name), signals::received);
            } catch (IllegalArgumentException e) {
                // not available here: the shutdown hook stays in charge of this one
            }
        }
        return signals;
    }

    private void received(Signal signal) {
        exitCode.compareAndSet(0, 128 + signal.getNumber());
        received.countDown();
    }

    /** Waits for the first stop signal and returns the exit status for it. */
    int await() throws InterruptedException {
        received.await();
        return exitCode.get();
    }
}
