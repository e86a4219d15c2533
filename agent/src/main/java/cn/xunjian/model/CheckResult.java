package cn.xunjian.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one check came to on one site, as report.json lists it under {@code checks}.
 *
 * @param check the check's name
 * @param outcome passed (nothing to report), failed (it found problems) or errored (it could not complete)
 * @param error why it could not complete, in Chinese; null unless errored
 * @param evidence what the check left behind when it errored (a screenshot, the page source)
 */
@JsonPropertyOrder({"check", "outcome", "error", "evidence"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CheckResult(String check, Outcome outcome, String error, List<Evidence> evidence) {
    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(outcome, "outcome");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public static CheckResult passed(String check) {
        return new CheckResult(check, Outcome.PASSED, null, List.of());
    }

    public static CheckResult failed(String check) {
        return new CheckResult(check, Outcome.FAILED, null, List.of());
    }

    public static CheckResult errored(String check, String error, List<Evidence> evidence) {
        return new CheckResult(check, Outcome.ERRORED, error, evidence);
    }

    /** The three outcomes; JSON values are the lower-case names. */
    public enum Outcome {
        PASSED, FAILED, ERRORED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String label() {
            return switch (this) {
                case PASSED -> "未发现问题";
                case FAILED -> "发现问题";
                case ERRORED -> "未能完成";
            };
        }
    }
}
