package cn.xunjian.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One problem (or notable fact) about a site, as it appears in report.json.
 *
 * @param indicator an ID from INDICATORS.md, e.g. {@code W-D2}
 * @param kind the check that produced it, e.g. {@code footer.icp.missing}
 * @param severity how it weighs in the verdict
 * @param url the page or link the finding is about
 * @param message a human sentence in Chinese
 * @param subject what on that page the finding is about (the link target, the rule that fired, the column), part
 *     of its identity; when not given, the message with its numbers taken out stands for it
 * @param id the stable fingerprint ({@link FindingIds}); null until the site's findings are identified
 * @param evidence files that back the finding
 * @param details what the message says, as named values (the column, its age in days, the link text, the wrong and
 *     the right wording…), so documents can phrase the problem without parsing the message; not part of the id
 */
@JsonPropertyOrder({"indicator", "kind", "severity", "url", "message", "id", "evidence", "details"})
public record Finding(String indicator, String kind, Severity severity, String url, String message,
                      @JsonIgnore String subject, String id, List<Evidence> evidence,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> details) {
    public Finding {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        url = url == null ? "" : url;
        subject = subject == null || subject.isBlank() ? FindingIds.messageKey(message) : subject;
        evidence = List.copyOf(evidence);
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public Finding(String indicator, String kind, Severity severity, String url, String message, String subject,
                   String id, List<Evidence> evidence) {
        this(indicator, kind, severity, url, message, subject, id, evidence, Map.of());
    }

    /** A finding whose subject is its message (numbers aside). */
    public Finding(String indicator, String kind, Severity severity, String url, String message,
                   List<Evidence> evidence) {
        this(indicator, kind, severity, url, message, null, null, evidence);
    }

    /** A finding about a named subject on its page, e.g. a link target or a rule. */
    public static Finding about(String indicator, String kind, Severity severity, String url, String subject,
                                String message, List<Evidence> evidence) {
        return new Finding(indicator, kind, severity, url, message, subject, null, evidence);
    }

    public Finding withEvidence(List<Evidence> more) {
        var all = new ArrayList<>(evidence);
        all.addAll(more);
        return new Finding(indicator, kind, severity, url, message, subject, id, all, details);
    }

    public Finding withId(String newId) {
        return new Finding(indicator, kind, severity, url, message, subject, newId, evidence, details);
    }

    public Finding withSeverity(Severity other) {
        return new Finding(indicator, kind, other, url, message, subject, id, evidence, details);
    }

    /** This finding with one more named value (a null value is left out). */
    public Finding with(String key, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(details);
        more.put(key, String.valueOf(value));
        return new Finding(indicator, kind, severity, url, message, subject, id, evidence, more);
    }

    /** A named value of {@link #details}, or null. */
    public String detail(String key) {
        return details.get(key);
    }
}
