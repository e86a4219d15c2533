package cn.xunjian.scenario;

import cn.xunjian.model.Evidence;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of one scenario run: every step's status and duration, the values it extracted, and the evidence it
 * produced. Serialised as the step log ({@code http}-type JSON evidence). Secrets are masked throughout.
 */
@JsonPropertyOrder({"scenario", "file", "passed", "startUrl", "finalUrl", "durationMs", "steps", "extracted"})
public record ScenarioResult(String scenario, String file, boolean passed, String startUrl, String finalUrl,
                             long durationMs, List<StepResult> steps, Map<String, String> extracted,
                             @JsonIgnore List<Evidence> evidence) {
    public ScenarioResult {
        steps = List.copyOf(steps);
        extracted = Map.copyOf(extracted);
        evidence = List.copyOf(evidence);
    }

    /** The step that failed, if any. */
    public Optional<StepResult> failedStep() {
        return steps.stream().filter(s -> s.status() == StepResult.Status.FAILED).findFirst();
    }
}
