package cn.xunjian.browser;

import java.time.Duration;

/**
 * The browser as site checks see it: it opens sessions (each with its own cookies and cache) seen through a device
 * profile, and in them pages that open one URL or that are driven step by step. Free of Playwright types;
 * {@link BrowserRuntime} is the Chromium implementation, tests use fakes. Confined to one thread.
 */
public interface WebBrowser {
    /** A new session seen through {@code profile}, announcing the profile's own user agent. */
    Session openSession(DeviceProfile profile);

    /**
     * A new session seen through {@code profile} but announcing {@code userAgentOverride} (a search-engine spider,
     * say) as its user agent, both in HTTP requests and in {@code navigator.userAgent}.
     */
    Session openSession(DeviceProfile profile, String userAgentOverride);

    /** One session of the browser; closing it closes every page it opened. */
    interface Session extends AutoCloseable {
        /**
         * Opens {@code url} in a new tab as a visitor arriving from {@code referer} (sent as the {@code Referer}
         * header and seen by scripts as {@code document.referrer}; {@code null} for none), waits for the load
         * event, then until the network is quiet (within {@code timeout}) so that redirects made by scripts on load
         * have happened. A page that does not open is {@link PageLoad.NotLoaded}; a loaded page stays usable until
         * the session closes.
         */
        PageLoad load(String url, Duration timeout, String referer);

        /** Opens a blank tab to drive step by step; it is closed with the session at the latest. */
        ScenarioPage openPage();

        @Override
        void close();
    }
}
