package cn.xunjian.scenario;

import cn.xunjian.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
        try (InputStream in = EngineSettings.class.getResourceAsStream("engine.json")) {
            return Json.mapper().readValue(in, EngineSettings.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read engine.json", e);
        }
    }

    public Duration defaultTimeout() {
        return Duration.ofMillis(defaultTimeoutMs);
    }
}
