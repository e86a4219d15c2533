package cn.xunjian.report;

import cn.xunjian.internal.RuleFiles;
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
        return RuleFiles.load(CircularTemplate.class, "circular.json", CircularTemplate.class);
    }
}
