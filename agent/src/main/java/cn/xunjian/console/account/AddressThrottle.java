package cn.xunjian.console.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per client address in a sliding window: one address guessing many accounts is stopped even though
 * no single account reaches its lock-out. Kept per node (an attacker spread over nodes still meets each account's
 * lock-out, which is in the database).
 */
public final class AddressThrottle {
    private final SecurityRules rules;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public AddressThrottle(SecurityRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** When the address may try again, if it is blocked now. */
    public Optional<Instant> blockedUntil(String address) {
        Deque<Instant> times = failures.get(address);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times);
            return times.size() >= rules.addressFailures()
                    ? Optional.of(times.peekFirst().plus(rules.addressWindow())) : Optional.empty();
        }
    }

    public void failed(String address) {
        Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
        }
    }

    private void prune(Deque<Instant> times) {
        Instant cutoff = clock.instant().minus(rules.addressWindow());
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }
}
