package cn.xunjian.console.review;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a finding stands in review; a finding no one has looked at is {@link #PENDING}. */
public enum ReviewStatus {
    PENDING("pending", "待复核"),
    CONFIRMED("confirmed", "已确认"),
    DISMISSED("dismissed", "误报"),
    FIXED("fixed", "已整改待复验"),
    VERIFIED("verified", "复验通过"),
    DISPUTED("disputed", "申辩中");

    private final String json;
    private final String label;

    ReviewStatus(String json, String label) {
        this.json = json;
        this.label = label;
    }

    public String json() {
        return json;
    }

    public String label() {
        return label;
    }

    /** Whether a person must say why (a dismissal, a dispute). */
    public boolean needsReason() {
        return this == DISMISSED || this == DISPUTED;
    }

    public static Optional<ReviewStatus> of(String json) {
        String k = json == null ? "" : json.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.json.equals(k)).findFirst();
    }
}
