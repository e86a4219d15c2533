package cn.xunjian.report;

import cn.xunjian.internal.RuleFiles;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a 通报 names each kind of problem, kept as data ({@code problem-lines.json}) in the phrasing of real
 * circulars: a phrase for one finding, one for several of the same kind on a site, one for each of those several,
 * the section (category) of 存在的主要问题 it belongs to, and whether a warning of the kind is listed at all.
 */
public record ProblemPhrases(@JsonProperty("_comment") String comment, List<Category> categories,
                             Map<String, String> indicatorCategories, Map<String, String> accountTypes, int maxItems,
                             Map<String, Phrase> kinds) {
    private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z]+)(?::(date))?}");

    public ProblemPhrases {
        categories = List.copyOf(categories);
        indicatorCategories = Map.copyOf(indicatorCategories);
        accountTypes = Map.copyOf(accountTypes);
        kinds = Map.copyOf(kinds);
    }

    /** A section of 存在的主要问题, e.g. 信息更新不及时. */
    public record Category(String id, String heading) {
    }

    /** The phrases of one finding kind; {@code listed} puts its warnings into the circular. */
    public record Phrase(String one, String many, String item, Boolean listed) {
    }

    public static ProblemPhrases standard() {
        return RuleFiles.load(ProblemPhrases.class, "problem-lines.json", ProblemPhrases.class);
    }

    /** The phrases of a finding kind, e.g. {@code footer.icp.missing}, else of {@code footer.*.missing}; or null. */
    public Phrase phrase(String kind) {
        Phrase p = kinds.get(kind);
        String[] parts = kind.split("\\.");
        if (p == null && parts.length == 3) {
            p = kinds.get(parts[0] + ".*." + parts[2]);
        }
        return p;
    }

    /** The category a finding of {@code indicator} is described under; unknown indicators go to the last one. */
    public String categoryOf(String indicator) {
        return indicatorCategories.getOrDefault(indicator, categories.get(categories.size() - 1).id());
    }

    /** The account type as circulars name it (微信公众号, 新浪微博…), or the platform as given. */
    public String accountType(String platform) {
        return platform == null ? "" : accountTypes.getOrDefault(platform.toLowerCase(Locale.ROOT), platform);
    }

    /**
     * Fills {@code template} with {@code values}; {@code {x:date}} writes an ISO date as 2026年8月2日. Returns null
     * when the template is null or a value it names is missing, so the caller can fall back.
     */
    static String fill(String template, Map<String, String> values) {
        if (template == null) {
            return null;
        }
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null || value.isBlank()) {
                return null;
            }
            if ("date".equals(m.group(2))) {
                value = chineseDate(value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code 2026-08-02} as {@code 2026年8月2日}; anything else as it is. */
    static String chineseDate(String iso) {
        try {
            LocalDate d = LocalDate.parse(iso);
            return String.format(Locale.ROOT, "%d年%d月%d日", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
