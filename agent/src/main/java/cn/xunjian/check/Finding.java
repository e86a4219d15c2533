package cn.xunjian.check;

import cn.xunjian.evidence.Evidence;
import java.util.List;
import java.util.Objects;

/**
 * One problem (or notable fact) about a site, as it appears in report.json.
 *
 * @param indicator an ID from INDICATORS.md, e.g. {@code W-D2}
 * @param kind the check that produced it, e.g. {@code footer.icp.missing}
 * @param severity how it weighs in the verdict
 * @param url the page or link the finding is about
 * @param message a human sentence in Chinese
 * @param evidence files that back the finding
 */
@com.fasterxml.jackson.annotation.JsonPropertyOrder({"indicator", "kind", "severity", "url", "message", "evidence"})
public record Finding(String indicator, String kind, Severity severity, String url, String message,
                      List<Evidence> evidence) {
    public Finding {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        url = url == null ? "" : url;
        evidence = List.copyOf(evidence);
    }

    public Finding withEvidence(List<Evidence> more) {
        var all = new java.util.ArrayList<>(evidence);
        all.addAll(more);
        return new Finding(indicator, kind, severity, url, message, all);
    }
}
