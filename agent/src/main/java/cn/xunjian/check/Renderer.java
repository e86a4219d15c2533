package cn.xunjian.check;

import cn.xunjian.browser.AuditPage;
import java.util.Optional;

/** Opens a page of the site in the browser, for checks that need a rendered page or a screenshot as evidence. */
@FunctionalInterface
public interface Renderer {
    /**
     * The rendered page once its scripts have run and its network is idle (lists built by script or fetched by XHR
     * are on it), or empty when it does not open; the page stays valid until the site's audit ends.
     */
    Optional<AuditPage> render(String url);
}
