package cn.xunjian.check;

/** Where a check looks, which is also when it runs: home page first, then the crawl, then the whole site. */
enum Scope {
    /** The home page as rendered in the browser, once per site. */
    HOME_PAGE,
    /** The HTML of every page the crawl fetched. */
    EVERY_PAGE,
    /** The whole site, after the crawl: may open further pages, sessions and forms. */
    WHOLE_SITE
}
