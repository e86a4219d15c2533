package cn.xunjian.scenario;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What one step came to, as it appears in the step log (secrets already masked).
 *
 * @param step 1-based position in the scenario
 * @param line the step's line in the scenario file (0 for steps an interactive check made up)
 * @param detail why it failed, or what it read; empty when there is nothing to add
 * @param evidence paths of evidence files this step produced
 */
@JsonPropertyOrder({"step", "action", "line", "description", "status", "durationMs", "detail", "evidence"})
public record StepResult(int step, String action, int line, String description, Status status, long durationMs,
                         String detail, List<String> evidence) {
    /** A step passes, fails (and stops the scenario), or is never run because an earlier one failed. */
    public enum Status {
        PASSED, FAILED, SKIPPED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public String label() {
            return switch (this) {
                case PASSED -> "通过";
                case FAILED -> "失败";
                case SKIPPED -> "未执行";
            };
        }
    }

    public StepResult {
        detail = detail == null ? "" : detail;
        evidence = List.copyOf(evidence);
    }
}
