package cn.xunjian.text;

import cn.xunjian.internal.RuleFiles;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How much of a site's attachments {@link AttachmentCheck} reads, read from {@code attachment-rules.json}.
 *
 * @param extensions the URL extensions read (PDF, Word, Excel, and WPS's own wps and et)
 * @param maxFiles most attachments downloaded per site, in the order the crawl found them
 * @param maxFileBytes most bytes of one attachment; a longer one is not read
 * @param maxSiteBytes most bytes downloaded per site, all attachments together
 * @param maxSiteTime most time spent on one site's attachments (ISO-8601)
 * @param downloadTimeout time allowed for one download (ISO-8601)
 * @param extractTimeout time allowed to read the text of one attachment (ISO-8601)
 * @param maxTextChars most characters of text kept from one attachment
 * @param maxPdfPages most pages of a PDF read
 * @param maxExpandedBytes most bytes one zip entry or PDF stream may inflate to
 * @param minInflateRatio a zip entry compressed below this ratio (compressed / inflated) is a zip bomb
 * @param threads attachments downloaded and read at once
 */
public record AttachmentRules(List<String> extensions, int maxFiles, long maxFileBytes, long maxSiteBytes,
                              String maxSiteTime, String downloadTimeout, String extractTimeout,
                              int maxTextChars, int maxPdfPages, long maxExpandedBytes, double minInflateRatio,
                              int threads) {
    public AttachmentRules {
        extensions = extensions.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
        if (maxFiles < 0 || maxFileBytes < 1 || maxSiteBytes < 1 || maxTextChars < 1 || maxPdfPages < 1
                || maxExpandedBytes < 1 || minInflateRatio <= 0 || minInflateRatio >= 1 || threads < 1) {
            throw new IllegalArgumentException("attachment-rules.json: a limit is out of range");
        }
        Duration.parse(maxSiteTime);
        Duration.parse(downloadTimeout);
        Duration.parse(extractTimeout);
    }

    Duration siteTime() {
        return Duration.parse(maxSiteTime);
    }

    Duration download() {
        return Duration.parse(downloadTimeout);
    }

    Duration extract() {
        return Duration.parse(extractTimeout);
    }

    /** The bundled rules. */
    public static AttachmentRules standard() {
        return RuleFiles.load(AttachmentRules.class, "attachment-rules.json", AttachmentRules.class);
    }
}
