package cn.xunjian.console.review;

import java.time.Instant;
import java.util.List;

/**
 * A re-check as stored: queued, running or done with its outcome.
 *
 * @param outcome null until done
 */
public record Recheck(long id, String findingId, String requestedBy, Instant requestedAt, String status,
                      RecheckResult.Outcome outcome, Instant finishedAt, List<String> evidence, String detail) {
}
