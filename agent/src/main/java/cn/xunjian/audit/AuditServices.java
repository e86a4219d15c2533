package cn.xunjian.audit;

import cn.xunjian.store.FindingReviews;
import cn.xunjian.store.JsonFileSubmittedMessageStore;
import cn.xunjian.store.ProbeHistory;
import cn.xunjian.store.RunHistory;
import cn.xunjian.store.SubmittedMessageStore;
import java.util.Optional;

/**
 * What an audit may know beyond its own run: where submitted test messages are kept, and, under the daemon, the
 * site's stored probes and earlier runs (for the weekly W-V2 verdict and new / still open / fixed marks).
 *
 * @param runId this run's id in the run history, or null outside the daemon
 * @param reviews the console's review statuses: findings marked 误报 are reported but not scored
 */
public record AuditServices(SubmittedMessageStore messages, Optional<ProbeHistory> probes, Optional<RunHistory> runs,
                            String runId, FindingReviews reviews) {
    public AuditServices(SubmittedMessageStore messages, Optional<ProbeHistory> probes, Optional<RunHistory> runs,
                         String runId) {
        this(messages, probes, runs, runId, FindingReviews.NONE);
    }

    /** A one-off audit from the command line: messages in the local JSON file, no history. */
    public static AuditServices standalone() {
        return new AuditServices(JsonFileSubmittedMessageStore.standard(), Optional.empty(), Optional.empty(), null);
    }
}
