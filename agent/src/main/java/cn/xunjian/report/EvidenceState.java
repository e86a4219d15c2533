package cn.xunjian.report;

import cn.xunjian.evidence.ManifestEntry;
import cn.xunjian.evidence.SealOutcome;
import cn.xunjian.model.Evidence;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a run's evidence was sealed and when each file was captured, for the line under each finding of report.html.
 *
 * @param seal       how the evidence manifest was signed and stamped, or null (a report written outside a run)
 * @param capturedAt by evidence path, the capture time from the manifest
 */
public record EvidenceState(SealOutcome seal, Map<String, String> capturedAt) {
    public static final EvidenceState NONE = new EvidenceState(null, Map.of());

    public EvidenceState {
        capturedAt = Map.copyOf(capturedAt);
    }

    public static EvidenceState of(SealOutcome seal, List<ManifestEntry> entries) {
        Map<String, String> at = new HashMap<>();
        for (ManifestEntry e : entries) {
            at.put(e.path(), e.capturedAt());
        }
        return new EvidenceState(seal, at);
    }

    /** The earliest capture time of the finding's evidence files, or null when it has none. */
    String capturedAt(List<Evidence> evidence) {
        return evidence.stream().map(e -> capturedAt.get(e.path())).filter(Objects::nonNull).sorted().findFirst()
                .orElse(null);
    }

    /** 已签名 / 未签名 and 已加盖时间戳 / 未加盖时间戳 with the reason, as one short line. */
    String line() {
        if (seal == null) {
            return null;
        }
        String sign = seal.signed() ? "已签名（密钥 " + seal.keyId() + "）" : "未签名（" + seal.unsigned() + "）";
        String stamp = seal.stamped() ? "已加盖时间戳 " + seal.stampedAt() : "未加盖时间戳（" + seal.notStamped() + "）";
        return sign + " · " + stamp;
    }
}
