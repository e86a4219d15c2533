package cn.xunjian.crawl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Crawler-trap guards for same-site pages: over-long URLs, too many query parameters, repeating path segments
 * ({@code /a/b/a/b/…}) and calendar-like query strings ({@code ?month=…}, each path crawled in only a few
 * variants). Keeps counts for the notes. Not thread-safe: used by the crawl's coordinating thread only.
 */
final class CrawlTraps {
    private final CrawlRules.Traps rules;
    private final Set<String> calendarParams;
    private final Map<String, Integer> calendarVariants = new HashMap<>();
    private final Map<String, Integer> skipped = new LinkedHashMap<>();
    private final Map<String, String> examples = new HashMap<>();

    CrawlTraps(CrawlRules.Traps rules) {
        this.rules = rules;
        this.calendarParams = rules.calendarParamSet();
    }

    /** The kind of trap the URL looks like (Chinese), or empty when it may be crawled. Counts what it rejects. */
    Optional<String> trap(String url) {
        Optional<String> reason = reason(url);
        reason.ifPresent(r -> {
            skipped.merge(r, 1, Integer::sum);
            examples.putIfAbsent(r, url);
        });
        return reason;
    }

    private Optional<String> reason(String url) {
        if (url.length() > rules.maxUrlLength()) {
            return Optional.of("网址过长（超过" + rules.maxUrlLength() + "个字符）");
        }
        int q = url.indexOf('?');
        String path = pathOf(url, q);
        if (repeatsSegments(path)) {
            return Optional.of("路径段重复");
        }
        if (q < 0) {
            return Optional.empty();
        }
        String[] params = url.substring(q + 1).split("&");
        if (params.length > rules.maxQueryParams()) {
            return Optional.of("查询参数过多（超过" + rules.maxQueryParams() + "个）");
        }
        for (String p : params) {
            int eq = p.indexOf('=');
            String name = (eq < 0 ? p : p.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (calendarParams.contains(name)) {
                int n = calendarVariants.merge(url.substring(0, q), 1, Integer::sum);
                return n > rules.calendarVariantsPerPath() ? Optional.of("疑似日历陷阱") : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String pathOf(String url, int q) {
        int scheme = url.indexOf("://");
        int slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        if (slash < 0) {
            return "/";
        }
        return q < 0 ? url.substring(slash) : url.substring(slash, Math.max(slash, q));
    }

    private boolean repeatsSegments(String path) {
        Map<String, Integer> counts = new HashMap<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && counts.merge(segment, 1, Integer::sum) > rules.maxSegmentRepeats()) {
                return true;
            }
        }
        return false;
    }

    /** One Chinese line per kind of trap skipped, with a count and an example. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        skipped.forEach((reason, n) -> notes.add("已跳过" + reason + "的网址 " + n + " 个，例如 " + examples.get(reason)));
        return notes;
    }
}
