package cn.xunjian.console.review;

import java.time.Instant;

/**
 * A finding's review status as set at one moment; the current one and each step of the history.
 *
 * @param actor the user's name, or {@code 复验} for a re-check's outcome; empty for a finding never reviewed
 * @param at null for a finding never reviewed
 */
public record Review(String findingId, ReviewStatus status, String actor, Instant at, String reason) {
    public static Review pending(String findingId) {
        return new Review(findingId, ReviewStatus.PENDING, "", null, "");
    }
}
