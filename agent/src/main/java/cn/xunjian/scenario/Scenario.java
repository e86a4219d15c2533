package cn.xunjian.scenario;

import cn.xunjian.model.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A declarative scenario loaded from a JSON file ({@code scenarios/scenario.schema.json}).
 *
 * @param file where it was read from
 * @param name a human name, used in findings
 * @param indicator the indicator a failure counts toward
 * @param onFailure the severity of a failure (default {@link Severity#WARN})
 * @param timeout the default per-step timeout
 * @param variables initial variables ({@code ${name}}), which may reference {@code ${env:NAME}} secrets
 * @param steps the steps in order
 */
record Scenario(Path file, String name, String description, String indicator, Severity onFailure,
                       Duration timeout, Map<String, String> variables, List<Step> steps) {
    public Scenario {
        variables = Map.copyOf(variables);
        steps = List.copyOf(steps);
    }
}
