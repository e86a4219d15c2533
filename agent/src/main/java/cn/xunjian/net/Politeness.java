package cn.xunjian.net;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * How the stack answers a host that asks it to slow down ({@code politeness} in {@code http.json}).
 *
 * @param retryStatuses     statuses repeated after their {@code Retry-After} (429, 503)
 * @param retryWithout      of those, the ones repeated after {@code defaultWait} when they name no time: a 429
 *                          always means "later", a bare 503 is as likely an outage as a pause
 * @param maxRetries        most repeats of one hop
 * @param maxWait           the longest wait honoured: a longer {@code Retry-After} is cut to it
 * @param defaultWait       the wait of a status in {@code retryWithout} that names none
 * @param backoffStatuses   answers that halve the host's concurrency (a burst of them takes it down to one)
 * @param recoverAfter      answers of any other kind after which the host gets one more request in flight again
 */
public record Politeness(Set<Integer> retryStatuses, Set<Integer> retryWithout, int maxRetries, Duration maxWait,
                         Duration defaultWait, Set<Integer> backoffStatuses, int recoverAfter) {
    public Politeness {
        retryStatuses = Set.copyOf(retryStatuses);
        retryWithout = Set.copyOf(retryWithout);
        backoffStatuses = Set.copyOf(backoffStatuses);
        if (maxRetries < 0 || maxWait.isNegative() || defaultWait.isNegative() || recoverAfter < 1) {
            throw new IllegalArgumentException("invalid politeness: " + maxRetries + ", " + maxWait + ", "
                    + defaultWait + ", " + recoverAfter);
        }
    }

    /** The settings of {@code http.json}. */
    public static Politeness standard() {
        return HttpSettings.standard().politeness();
    }

    /** The same with another longest wait, e.g. from the command line. */
    public Politeness withMaxWait(Duration max) {
        return new Politeness(retryStatuses, retryWithout, maxRetries, max, defaultWait, backoffStatuses,
                recoverAfter);
    }

    /**
     * How long to wait before repeating a hop answered with {@code status} and {@code retryAfter} (the header's
     * value or null), or empty when it is not to be repeated.
     */
    Optional<Duration> waitBefore(int status, String retryAfter, Clock clock) {
        if (!retryStatuses.contains(status)) {
            return Optional.empty();
        }
        Optional<Duration> asked = parse(retryAfter, clock);
        if (asked.isEmpty()) {
            return retryWithout.contains(status) ? Optional.of(min(defaultWait, maxWait)) : Optional.empty();
        }
        return Optional.of(min(asked.get(), maxWait));
    }

    /** {@code Retry-After} as delay-seconds or an HTTP-date (RFC 9110 §10.2.3); empty when absent or unreadable. */
    static Optional<Duration> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException e) {
                return Optional.empty(); // more seconds than a long holds: as good as never
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
