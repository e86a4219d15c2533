package cn.xunjian.crawl;

import cn.xunjian.model.SitePage;

/**
 * Receives what a crawl finds as it goes. Calls come from one thread at a time, so implementations need no
 * locking: the thread that called {@link SiteCrawler#crawl}, unless {@link #threadConfined()} says any thread will
 * do. The page's HTML is not kept after the call.
 */
public interface CrawlListener {
    /**
     * True (the default) when calls must come from the thread that called {@link SiteCrawler#crawl}. A listener
     * that answers false is called from the crawl's workers, still one call at a time and in a happens-before
     * order, which spares the crawl a thread hand-off per request; it must then return quickly, since the crawl
     * waits for it.
     */
    default boolean threadConfined() {
        return true;
    }

    /**
     * True when links to pages of other sites should be checked with a GET that previews their targets
     * ({@link CheckedLink#preview()}, 外链被劫持) instead of a HEAD; false (the default) keeps every check a HEAD.
     */
    default boolean previewsTargets() {
        return false;
    }

    /**
     * True when the fragment ({@code #id}) of a link to another site's page should be checked as those of the
     * site's own pages are: that page is fetched with GET and its {@code id}s and {@code a[name]}s read (those a
     * script adds are not seen). False (the default) checks only that such a page answers.
     */
    default boolean checksExternalFragments() {
        return false;
    }

    /** Every HTML page fetched and decoded, with its depth set. */
    default void page(SitePage page) {
    }

    /** Every checked link, broken or not. */
    default void link(CheckedLink link) {
    }
}
