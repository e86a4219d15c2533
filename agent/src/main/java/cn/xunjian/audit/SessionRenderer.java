package cn.xunjian.audit;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.browser.BrowserSession;
import cn.xunjian.browser.PageLoad;
import cn.xunjian.check.Renderer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Renders pages of one site in its browser session, each URL at most once, up to a budget (rendering is the
 * expensive part of an audit). A page is taken once its network is idle, so that lists fetched by XHR after the
 * load event are on it. Confined to the audit's thread.
 */
final class SessionRenderer implements Renderer {
    private final BrowserSession session;
    private final Duration timeout;
    private final int budget;
    private final Map<String, Optional<AuditPage>> rendered = new HashMap<>();
    private final PhaseTimer timer;

    SessionRenderer(BrowserSession session, Duration timeout, int budget) {
        this(session, timeout, budget, null);
    }

    /** @param timer where each render's time is added to the site's {@code render} phase; null for none */
    SessionRenderer(BrowserSession session, Duration timeout, int budget, PhaseTimer timer) {
        this.session = session;
        this.timeout = timeout;
        this.budget = budget;
        this.timer = timer;
    }

    /** Makes an already-rendered page (the home page) available without rendering it again. */
    void remember(String url, AuditPage page) {
        rendered.put(url, Optional.of(page));
    }

    @Override
    public Optional<AuditPage> render(String url) {
        Optional<AuditPage> known = rendered.get(url);
        if (known != null) {
            return known;
        }
        if (rendered.size() >= budget) {
            return Optional.empty();
        }
        PageLoad load;
        if (timer == null) {
            load = session.load(url, timeout, null);
        } else {
            try (PhaseTimer.Lap lap = timer.lap("render")) {
                load = session.load(url, timeout, null);
            }
        }
        Optional<AuditPage> page = load instanceof PageLoad.Loaded loaded && loaded.status() < 400
                ? Optional.of(loaded.page()) : Optional.empty();
        rendered.put(url, page);
        return page;
    }
}
