package cn.xunjian.check;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.model.ProbeRecord;

import cn.xunjian.model.AvailabilityThresholds;
import cn.xunjian.model.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * W-V2 over the probes of this audit: each failed probe is a finding; when the failed share reaches the veto
 * ratio (5 %) they are veto findings, as the indicator would judge them if this were the whole sample. A week
 * of stored probes refines this once scheduling keeps history.
 */
public final class AvailabilityCheck {
    public static final String INDICATOR = "W-V2";
    private final AvailabilityThresholds thresholds;

    public AvailabilityCheck(AvailabilityThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * @param probes the probes in the order they ran
     * @param evidence evidence per probe, same order (probe record, and a screenshot where one was taken)
     */
    public List<Finding> judge(List<ProbeRecord> probes, Map<ProbeRecord, List<Evidence>> evidence) {
        if (probes.isEmpty()) {
            return List.of();
        }
        long failed = probes.stream().filter(p -> !p.ok()).count();
        double ratio = (double) failed / probes.size();
        List<Finding> findings = new ArrayList<>();
        if (failed == 0) {
            long slowest = probes.stream().mapToLong(ProbeRecord::millis).max().orElse(0);
            List<Evidence> all = new ArrayList<>();
            probes.forEach(p -> all.addAll(evidence.getOrDefault(p, List.of())));
            findings.add(new Finding(INDICATOR, "availability.ok", Severity.INFO, probes.get(0).url(),
                    String.format(Locale.ROOT, "首页可以访问：本次%d次探测全部成功，最慢%.1f秒（限%d秒）", probes.size(),
                            slowest / 1000.0, thresholds.timeoutSeconds()), all));
            return findings;
        }
        boolean veto = ratio >= thresholds.vetoFailureRatio();
        for (ProbeRecord p : probes) {
            if (p.ok()) {
                continue;
            }
            String how = p.method().equals("browser") ? "浏览器打开" : "HTTP 访问";
            findings.add(new Finding(INDICATOR, "availability.failed", veto ? Severity.VETO : Severity.WARN, p.url(),
                    String.format(Locale.ROOT, "首页无法访问（%s）：%s，用时%.1f秒；本次%d次探测失败%d次（%.0f%%，否决线%.0f%%）",
                            how, p.reason(), p.millis() / 1000.0, probes.size(), failed, ratio * 100,
                            thresholds.vetoFailureRatio() * 100),
                    evidence.getOrDefault(p, List.of())));
        }
        return findings;
    }
}
