package cn.xunjian.store.jdbc;

/** Row counts of the result tables, for {@code status}. */
public record StoreSize(long runs, long completedRuns, long findings, long evidenceFiles, long evidenceBytes,
                        long probes, long submittedMessages) {
}
