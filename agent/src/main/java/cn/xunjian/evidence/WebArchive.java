package cn.xunjian.evidence;

import cn.xunjian.model.Evidence;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * A site's web archive (WACZ) as written into the run: its file, and the pages it holds, each with the time it was
 * captured.
 *
 * @param path relative to the run directory
 * @param sha256 of the WACZ file
 * @param pages the archived pages, in the order they were rendered
 */
public record WebArchive(String path, String sha256, List<Page> pages) {
    public static final String TYPE = "wacz";

    public WebArchive {
        pages = List.copyOf(pages);
    }

    /**
     * One archived page.
     *
     * @param requested the URL the browser was asked to open
     * @param url the page's final URL, as archived
     * @param capturedAt when its response was recorded
     */
    public record Page(String requested, String url, Instant capturedAt) {
    }

    /** A page the browser rendered, to be listed in the archive. */
    public record Rendered(String requested, String url, String title) {
    }

    /**
     * The evidence that links a finding about {@code url} to its page in this archive; empty when the page was not
     * rendered in the recorded session.
     */
    public Optional<Evidence> evidenceFor(String url, ZoneId zone) {
        return pages.stream().filter(p -> p.url().equals(url) || p.requested().equals(url)).findFirst()
                .map(p -> Evidence.archived(path, sha256, p.url(),
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(p.capturedAt().atZone(zone))));
    }
}
