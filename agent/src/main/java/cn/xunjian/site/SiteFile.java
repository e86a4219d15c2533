package cn.xunjian.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A site to audit, as written in {@code scenarios/*.json}. Only {@code name} and {@code url} are required.
 *
 * @param userAgent what the HTTP requests to the site's host announce instead of {@code http.json}'s default
 *                  (printable ASCII), or null
 * @param maxPages  the most pages of the site the audit crawls (1 to 1,000,000), or null for the whole site up to
 *                  the safety cap of {@code audit-limits.json} (200,000)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SiteFile(String name, String siteCode, String url, String kind, Consultation consultation,
                       List<WebView> webviews, List<NewMediaAccount> newMedia, List<String> scenarios,
                       String userAgent, Integer maxPages) {
    public SiteFile {
        webviews = webviews == null ? List.of() : List.copyOf(webviews);
        newMedia = newMedia == null ? List.of() : List.copyOf(newMedia);
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        kind = kind == null ? "portal" : kind;
    }

    public SiteFile(String name, String siteCode, String url, String kind, Consultation consultation,
                    List<WebView> webviews, List<NewMediaAccount> newMedia, List<String> scenarios) {
        this(name, siteCode, url, kind, consultation, webviews, newMedia, scenarios, null, null);
    }

    /** The same site crawled at most {@code pages} pages deep into the audit ({@code --max-pages}). */
    public SiteFile withMaxPages(Integer pages) {
        return new SiteFile(name, siteCode, url, kind, consultation, webviews, newMedia, scenarios, userAgent, pages);
    }

    public static SiteFile of(String name, String url) {
        return new SiteFile(name, null, url, null, null, null, null, null);
    }

    /** The 咨询 entry; {@code submit} must be true before the agent submits a test message. */
    public record Consultation(String url, boolean submit) {
    }

    /** A mini-program or WeChat web view page. */
    public record WebView(String name, String url) {
    }

    /** A government new-media account. */
    public record NewMediaAccount(String name, String platform, String url) {
    }
}
