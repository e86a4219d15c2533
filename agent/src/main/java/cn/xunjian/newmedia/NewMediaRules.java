package cn.xunjian.newmedia;

import cn.xunjian.internal.RuleFiles;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Thresholds, labels and date patterns of the new-media freshness check, read from {@code newmedia.json}.
 *
 * @param staleDays a newest post more than this many days old is 超过两周未更新 (M-V2 veto)
 * @param longStaleDays a newest post more than this many days old is 长期未更新 (M-V2 veto)
 * @param slowDays a newest post more than this many days old (but inside {@code staleDays}) is a local-rule
 *     M-D2 warning
 * @param futureToleranceDays dates later than today plus this are ignored (typos, event dates)
 * @param categories the annex labels, keyed {@code stale2w}, {@code longStale}, {@code slow}, {@code fresh},
 *     {@code unreadable}
 * @param platforms Chinese names of platforms, keyed by the site file's {@code platform}
 * @param readers which reader a platform's list is read with ({@code feed} or {@code dated-list})
 * @param datePatterns regexes with named groups {@code m}, {@code d} and optionally {@code y}
 * @param itemSelector the elements of an HTML page that may be one post each
 */
public record NewMediaRules(String source, int staleDays, int longStaleDays, int slowDays, int futureToleranceDays,
                            long timeoutMs, Map<String, String> categories, Map<String, String> platforms,
                            Map<String, String> readers, String defaultReader, List<String> datePatterns,
                            String itemSelector, int maxPosts) {
    public NewMediaRules {
        categories = Map.copyOf(categories);
        platforms = Map.copyOf(platforms);
        readers = Map.copyOf(readers);
        datePatterns = List.copyOf(datePatterns);
        if (!(slowDays < staleDays && staleDays < longStaleDays)) {
            throw new IllegalArgumentException("newmedia.json: need slowDays < staleDays < longStaleDays");
        }
    }

    public static NewMediaRules standard() {
        return RuleFiles.load(NewMediaRules.class, "newmedia.json", NewMediaRules.class);
    }

    public Duration timeout() {
        return Duration.ofMillis(timeoutMs);
    }

    public List<Pattern> compiledDatePatterns() {
        return datePatterns.stream().map(Pattern::compile).toList();
    }

    /** The platform's Chinese name, or the key itself when unknown. */
    public String platformName(String platform) {
        return platform == null ? "" : platforms.getOrDefault(platform.toLowerCase(Locale.ROOT), platform);
    }

    public String category(String key) {
        return categories.getOrDefault(key, key);
    }
}
