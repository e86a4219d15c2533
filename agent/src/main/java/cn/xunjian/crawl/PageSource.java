package cn.xunjian.crawl;

import cn.xunjian.model.SitePage;
import java.util.Optional;

/**
 * Fetches a page of the audited site over HTTP and decodes it (no rendering). Backed by the crawl's pages where
 * the crawler already fetched them, so a check asking for a page does not fetch it twice.
 */
@FunctionalInterface
public interface PageSource {
    /** The page at {@code url}, or empty when it cannot be fetched, is not HTML, or answers with an error. */
    Optional<SitePage> fetch(String url);
}
