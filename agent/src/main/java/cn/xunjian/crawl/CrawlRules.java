package cn.xunjian.crawl;

import cn.xunjian.internal.DataFile;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The crawler's tunables and trap guards, read from {@code crawl.json}; {@code targetPreviewBytes} is how much of a
 * page of another site a link check keeps to preview it (0: HEAD only). Its user agent and redirect limit are the
 * stack's, in {@code net/http.json} (purposes {@code page} and {@code link}).
 */
record CrawlRules(Limits limits, int maxInFlight, int targetPreviewBytes, Traps traps,
                  List<String> attachmentExtensions, List<String> imageExtensions, List<String> fontExtensions) {

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

    /** Web fonts, which a stylesheet's {@code url()} loads beside images: checked as resources (资源). */
    Set<String> fontExtensionSet() {
        return lower(fontExtensions);
    }

    private static Set<String> lower(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** The rules in {@code crawl.json}, read once. */
    static CrawlRules standard() {
        return Standard.RULES;
    }

    private static final class Standard {
        static final CrawlRules RULES = read();

        private static CrawlRules read() {
            DataFile.Obj root = DataFile.read(CrawlRules.class, "crawl.json").root("limits", "maxInFlight",
                    "_targetPreview", "targetPreviewBytes", "traps", "attachmentExtensions", "imageExtensions", "fontExtensions");
            DataFile.Obj l = root.object("limits", "maxPages", "maxDepth", "perHost", "minDelay", "timeout",
                    "maxPageBytes");
            DataFile.Obj t = root.object("traps", "maxUrlLength", "maxQueryParams", "maxSegmentRepeats",
                    "calendarParams", "calendarVariantsPerPath", "sessionParams", "sessionValuePattern");
            return new CrawlRules(
                    new Limits(l.intValue("maxPages"), l.intValue("maxDepth"), l.intValue("perHost"),
                            l.string("minDelay"), l.string("timeout"), l.longValue("maxPageBytes")),
                    root.intValue("maxInFlight"), root.intValue("targetPreviewBytes"),
                    new Traps(t.intValue("maxUrlLength"), t.intValue("maxQueryParams"), t.intValue("maxSegmentRepeats"),
                            t.strings("calendarParams"), t.intValue("calendarVariantsPerPath"),
                            t.strings("sessionParams"), t.string("sessionValuePattern")),
                    root.strings("attachmentExtensions"), root.strings("imageExtensions"),
                    root.strings("fontExtensions"));
        }
    }
}
