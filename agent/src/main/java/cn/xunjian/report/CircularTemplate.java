package cn.xunjian.report;

import cn.xunjian.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The fixed wording of a 通报, kept as data ({@code circular.json}) so an office can use its own. In the title,
 * {@code {subjects}} becomes 政府网站, or 政府网站与政务新媒体 when the batch had new-media accounts.
 */
public record CircularTemplate(String issuer, String title, String intro, List<String> requirements,
                               String annexTitle, String newMediaAnnexTitle) {
    public CircularTemplate {
        requirements = List.copyOf(requirements);
    }

    public static CircularTemplate standard() {
        try (InputStream in = CircularTemplate.class.getResourceAsStream("circular.json")) {
            return Json.mapper().readValue(in, CircularTemplate.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read circular.json", e);
        }
    }
}
