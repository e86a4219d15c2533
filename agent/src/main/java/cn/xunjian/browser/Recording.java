package cn.xunjian.browser;

import java.nio.file.Path;
import java.util.List;

/**
 * What a recorded session captured: the HTTP archive (HAR, zipped, bodies as separate entries) that Chromium wrote
 * when the session closed, and the pages the session opened, in order.
 *
 * @param har the {@code .zip} Playwright wrote: {@code har.har} plus one entry per response body
 * @param pages every page the session loaded, as asked for and as it ended up
 */
public record Recording(Path har, List<RenderedPage> pages) {
    public Recording {
        pages = List.copyOf(pages);
    }

    /**
     * One page the session loaded.
     *
     * @param requested the URL asked for
     * @param url the final URL, after redirects
     * @param title the document title once loaded
     */
    public record RenderedPage(String requested, String url, String title) {
    }
}
