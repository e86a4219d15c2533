package cn.xunjian.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import java.util.Optional;

/**
 * Whether a page whose document has not finished parsing still counts as open for a citizen: its main document
 * arrived, the browser has painted content (the first contentful paint) and the body shows text.
 */
final class ContentShown {
    private static final String PAINTED = """
            () => performance.getEntriesByName('first-contentful-paint').length > 0
              && !!document.body && document.body.innerText.trim().length > 0""";

    private ContentShown() {
    }

    /** The main document's response when the page shows painted content, else empty. */
    static Optional<Response> painted(Page page, RequestWatch watch) {
        Optional<Response> main = watch.mainResponse();
        if (main.isEmpty()) {
            return main;
        }
        try {
            return Boolean.TRUE.equals(page.evaluate(PAINTED)) ? main : Optional.empty();
        } catch (PlaywrightException e) {
            return Optional.empty();
        }
    }
}
