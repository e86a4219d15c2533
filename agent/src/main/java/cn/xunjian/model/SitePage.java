package cn.xunjian.model;

/**
 * A page of the audited site as the crawler fetched it: decoded HTML, not rendered.
 *
 * @param url the final URL of the page
 * @param html the decoded HTML
 * @param depth link distance from the home page (0 for the home page)
 */
public record SitePage(String url, String html, int depth) {
    public boolean home() {
        return depth == 0;
    }
}
