package cn.xunjian.console.review;

import java.time.Instant;

/** A queued re-check of one check on one page, asked for by an operator's 已整改. */
public record RecheckRequest(long id, FindingRef finding, String requestedBy, Instant requestedAt) {
}
