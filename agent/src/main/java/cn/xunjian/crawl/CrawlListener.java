package cn.xunjian.crawl;

import cn.xunjian.check.SitePage;

/**
 * Receives what a crawl finds as it goes. Calls come from one thread at a time (the thread that called
 * {@link SiteCrawler#crawl}), so implementations need no locking. The page's HTML is not kept after the call.
 */
public interface CrawlListener {
    /** Every HTML page fetched and decoded, with its depth set. */
    default void page(SitePage page) {
    }

    /** Every checked link, broken or not. */
    default void link(CheckedLink link) {
    }
}
