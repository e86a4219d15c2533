package cn.xunjian.report;

import cn.xunjian.internal.RuleFiles;
import java.util.List;

/**
 * The fixed wording of a 通报, kept as data ({@code circular.json}) so an office can use its own. In the title,
 * {@code {period}} becomes 2026年第四季度 (or 2026年11月份) and {@code {subjects}} 政府网站, or 政府网站与政务新媒体 when
 * the batch had new-media accounts; in the requirements {@code {deadline}} becomes the 整改期限's date and
 * {@code {replyTo}} where to send 整改情况 ({@link CircularSettings}).
 */
public record CircularTemplate(String title, String intro, List<String> requirements,
                               String annexTitle, String newMediaAnnexTitle) {
    public CircularTemplate {
        requirements = List.copyOf(requirements);
    }

    public static CircularTemplate standard() {
        return RuleFiles.load(CircularTemplate.class, "circular.json", CircularTemplate.class);
    }
}
