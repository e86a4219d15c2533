package cn.xunjian.testing;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.PageLoad;
import cn.xunjian.browser.ScenarioPage;
import cn.xunjian.browser.WebBrowser;
import cn.xunjian.net.NetworkScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A {@link WebBrowser} over scripted sites, for browser-free tests of site checks. Every page it hands out is a
 * {@link FakeScenarioPage}; which {@link FakeSite} it serves depends on who the visitor is (device profile, user
 * agent, referer), so a test can script a site that cloaks for a spider or shows another page inside WeChat. It
 * records every session and every page it opened, and for whom.
 */
public final class FakeBrowser implements WebBrowser {
    /**
     * Who a page was opened for.
     *
     * @param profile the device profile of the session
     * @param userAgent the user agent the session announced (the profile's own unless overridden)
     * @param referer the referer of a {@link Session#load load}; null for none and for pages driven step by step
     */
    public record Visitor(DeviceProfile profile, String userAgent, String referer) {
    }

    /** One page the browser opened: for whom, the URL loaded ({@code null} for a page driven step by step), the page. */
    public record Opened(Visitor visitor, String url, FakeScenarioPage page) {
    }

    private record Variant(Predicate<Visitor> who, FakeSite site) {
    }

    private final FakeSite site;
    private final NetworkScope scope;
    private final List<Variant> variants = new ArrayList<>();
    private final List<Visitor> sessions = new ArrayList<>();
    private final List<Opened> opened = new ArrayList<>();
    private int open;

    /** A browser that shows everyone {@code site} and may visit loopback hosts only. */
    public FakeBrowser(FakeSite site) {
        this(site, NetworkScope.LOOPBACK_ONLY);
    }

    public FakeBrowser(FakeSite site, NetworkScope scope) {
        this.site = site;
        this.scope = scope;
    }

    /** Visitors {@code who} matches are shown {@code other} instead; the first matching variant wins. */
    public FakeBrowser serve(Predicate<Visitor> who, FakeSite other) {
        variants.add(new Variant(who, other));
        return this;
    }

    /** The sessions opened, in order (their referer is null). */
    public List<Visitor> sessions() {
        return List.copyOf(sessions);
    }

    /** Every page opened, in order. */
    public List<Opened> opened() {
        return List.copyOf(opened);
    }

    /** The pages handed out to be driven step by step, in order. */
    public List<FakeScenarioPage> pages() {
        return opened.stream().filter(o -> o.url() == null).map(Opened::page).toList();
    }

    /** Whether every session opened has been closed. */
    public boolean allClosed() {
        return open == 0;
    }

    @Override
    public Session openSession(DeviceProfile profile) {
        return new FakeSession(profile, profile.userAgent());
    }

    @Override
    public Session openSession(DeviceProfile profile, String userAgentOverride) {
        return new FakeSession(profile, userAgentOverride);
    }

    private FakeSite siteFor(Visitor visitor) {
        return variants.stream().filter(v -> v.who().test(visitor)).map(Variant::site).findFirst().orElse(site);
    }

    private final class FakeSession implements Session {
        private final DeviceProfile profile;
        private final String userAgent;
        private final List<FakeScenarioPage> pages = new ArrayList<>();
        private boolean closed;

        FakeSession(DeviceProfile profile, String userAgent) {
            this.profile = profile;
            this.userAgent = userAgent;
            sessions.add(new Visitor(profile, userAgent, null));
            open++;
        }

        @Override
        public PageLoad load(String url, Duration timeout, String referer) {
            Visitor visitor = new Visitor(profile, userAgent, referer);
            FakeScenarioPage page = page(visitor, url);
            String failure = scope.allows(url) ? page.load(url) : "超出允许访问的网络范围";
            if (!failure.isEmpty()) {
                return new PageLoad.NotLoaded(url, 0, Duration.ZERO, failure, StaticAuditPage.PNG.clone());
            }
            return new PageLoad.Loaded(page.url(), page.status(), Duration.ZERO, page.auditPage());
        }

        @Override
        public ScenarioPage openPage() {
            return page(new Visitor(profile, userAgent, null), null);
        }

        private FakeScenarioPage page(Visitor visitor, String url) {
            FakeScenarioPage page = new FakeScenarioPage(siteFor(visitor), scope);
            pages.add(page);
            opened.add(new Opened(visitor, url, page));
            return page;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                open--;
                pages.forEach(FakeScenarioPage::close);
            }
        }
    }
}
