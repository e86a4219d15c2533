package cn.xunjian.scenario;

import cn.xunjian.internal.RuleFiles;
import java.time.Duration;
import java.util.List;

/**
 * Defaults of the scenario engine, read from {@code engine.json}.
 *
 * @param playwrightCssExtensions selector fragments that only Playwright understands; selectors with them are not
 *     pre-checked with a plain CSS parser
 */
public record EngineSettings(long defaultTimeoutMs, long maxTimeoutMs, String secretMask,
                             List<String> playwrightCssExtensions) {
    public static EngineSettings standard() {
        return RuleFiles.load(EngineSettings.class, "engine.json", EngineSettings.class);
    }

    public Duration defaultTimeout() {
        return Duration.ofMillis(defaultTimeoutMs);
    }
}
