package cn.xunjian.crawl;

import cn.xunjian.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The crawler's tunables and trap guards, read from {@code crawl.json}. */
record CrawlRules(Limits limits, int maxRedirects, int maxInFlight, String userAgent, Traps traps,
                  List<String> attachmentExtensions, List<String> imageExtensions) {

    /** Default limits as written in the data file; durations in ISO-8601 ({@code PT15S}). */
    record Limits(int maxPages, int maxDepth, int perHost, String minDelay, String timeout, long maxPageBytes) {
    }

    /**
     * Crawler-trap guards.
     *
     * @param calendarVariantsPerPath how many distinct calendar-like query strings of one path are crawled
     * @param sessionValuePattern a session parameter is dropped only when its value looks like a token, because
     *                            {@code sid} is also a common "site id" with short numeric values
     */
    record Traps(int maxUrlLength, int maxQueryParams, int maxSegmentRepeats, List<String> calendarParams,
                 int calendarVariantsPerPath, List<String> sessionParams, String sessionValuePattern) {
        Set<String> calendarParamSet() {
            return lower(calendarParams);
        }

        Set<String> sessionParamSet() {
            return lower(sessionParams);
        }

        Pattern sessionValue() {
            return Pattern.compile(sessionValuePattern);
        }
    }

    Set<String> attachmentExtensionSet() {
        return lower(attachmentExtensions);
    }

    Set<String> imageExtensionSet() {
        return lower(imageExtensions);
    }

    private static Set<String> lower(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    static CrawlRules standard() {
        try (InputStream in = CrawlRules.class.getResourceAsStream("crawl.json")) {
            return Json.mapper().readValue(in, CrawlRules.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read crawl.json", e);
        }
    }
}
