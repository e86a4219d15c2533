package cn.xunjian.crawl;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One distinct URL the crawl checked.
 *
 * @param url the URL (absolute, fragment removed, percent-encoded)
 * @param sourceUrl the page the link was first seen on; empty for the start page itself
 * @param text the link text, image alt or title a reader would recognise it by
 * @param kind page link, image or attachment
 * @param status what checking it found
 * @param sourceDepth link distance of {@code sourceUrl} from the start page (0: the start page), -1 when unknown
 * @param preview what the target showed, for a link to a page of another site that answered with HTML; else null
 */
public record CheckedLink(String url, String sourceUrl, String text, LinkKind kind, LinkStatus status,
                          int sourceDepth, @JsonInclude(JsonInclude.Include.NON_NULL) TargetPreview preview) {

    /** A link checked without a preview of its target. */
    public CheckedLink(String url, String sourceUrl, String text, LinkKind kind, LinkStatus status,
                       int sourceDepth) {
        this(url, sourceUrl, text, kind, status, sourceDepth, null);
    }

    /** A link whose source depth is not known ({@link #fromHome()} is then false). */
    public CheckedLink(String url, String sourceUrl, String text, LinkKind kind, LinkStatus status) {
        this(url, sourceUrl, text, kind, status, -1);
    }

    /** True when the link was first seen on the start page. */
    public boolean fromHome() {
        return sourceDepth == 0;
    }

    public boolean broken() {
        return status.broken();
    }
}
