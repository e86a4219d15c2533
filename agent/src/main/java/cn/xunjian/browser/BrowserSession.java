package cn.xunjian.browser;

import cn.xunjian.net.NetworkScope;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.HarContentPolicy;
import com.microsoft.playwright.options.HarMode;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitUntilState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/** A browser context for one site: its own cookies and cache, seen through one device profile. */
public final class BrowserSession implements WebBrowser.Session {
    private final BrowserContext context;
    private final NetworkScope scope;
    private final Path har;
    private final List<Recording.RenderedPage> rendered = new ArrayList<>();
    private boolean closed;

    /**
     * @param har where Chromium's HTTP archive of the session goes when it closes ({@code .zip}: bodies are written
     *     to disk as entries as they arrive rather than kept as base64 in one JSON); {@code null} records nothing
     */
    BrowserSession(Browser browser, DeviceProfile profile, String userAgentOverride, NetworkScope scope, Path har) {
        this.scope = scope;
        this.har = har;
        Browser.NewContextOptions options = profile.contextOptions();
        if (userAgentOverride != null) {
            options.setUserAgent(userAgentOverride);
        }
        if (har != null) {
            options.setRecordHarPath(har).setRecordHarContent(HarContentPolicy.ATTACH)
                    .setRecordHarMode(HarMode.FULL);
        }
        this.context = browser.newContext(options);
        String init = profile.initScript();
        if (init != null) {
            context.addInitScript(init);
        }
        if (scope != NetworkScope.ANY) {
            context.route("**/*", route -> {
                if (scope.allows(route.request().url()) || route.request().url().startsWith("data:")) {
                    route.resume();
                } else {
                    route.abort("blockedbyclient");
                }
            });
        }
    }

    /**
     * Opens {@code url} in a new tab and waits, at most {@code timeout}, until it is open as a citizen sees it:
     * its main document has arrived and its content is shown. Then the load event is awaited while resources are
     * still making progress; resources that hang or fail are recorded on the load, never make it fail. JavaScript
     * dialogs are dismissed so that a hostile page cannot stall the audit.
     */
    public PageLoad load(String url, Duration timeout) {
        return load(url, timeout, null, false);
    }

    /**
     * Opens {@code url} as a visitor arriving from {@code referer} (sent as the {@code Referer} header and seen by
     * scripts as {@code document.referrer}; {@code null} for none) as {@link #load(String, Duration)} does, then
     * waits until the network is quiet, hanging requests aside (within {@code timeout}), so that redirects made by
     * scripts on load have happened and lists fetched after load are on the page.
     */
    @Override
    public PageLoad load(String url, Duration timeout, String referer) {
        return load(url, timeout, referer, true);
    }

    private PageLoad load(String url, Duration timeout, String referer, boolean settle) {
        Page page = context.newPage();
        page.onDialog(d -> d.dismiss());
        page.setDefaultTimeout(timeout.toMillis());
        RequestWatch watch = new RequestWatch(page);
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try {
            Page.NavigateOptions options = new Page.NavigateOptions()
                    .setTimeout(timeout.toMillis()).setWaitUntil(WaitUntilState.DOMCONTENTLOADED);
            if (referer != null) {
                options.setReferer(referer);
            }
            Response response;
            try {
                response = page.navigate(url, options);
            } catch (TimeoutError e) {
                // a script that blocks the parser (a synchronous third-party script that never answers) keeps
                // DOMContentLoaded away; what was painted above it is what a citizen sees
                response = ContentShown.painted(page, watch).orElseThrow(() -> e);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            boolean atDeadline = !finish(page, watch, deadline, settle);
            int status = response == null ? 0 : response.status();
            if (har != null) {
                rendered.add(new Recording.RenderedPage(url, page.url(), title(page)));
            }
            return new PageLoad.Loaded(page.url(), status, elapsed, new PlaywrightAuditPage(page, context, scope),
                    watch.troubles(atDeadline));
        } catch (PlaywrightException e) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            byte[] shot = new byte[0];
            try {
                shot = page.screenshot(new Page.ScreenshotOptions().setTimeout(5_000));
            } catch (PlaywrightException ignored) {
                // a page that never committed has nothing to show; the probe record still says why
            }
            page.close();
            return new PageLoad.NotLoaded(url, 0, elapsed, reason(e), shot);
        }
    }

    /**
     * Waits for the load event (and, when settling, for a quiet network) while anything but hanging requests is
     * still under way; never past {@code deadline}. False when the deadline ended the wait. A page that keeps polling never goes quiet: what it shows at
     * the deadline is what is audited.
     */
    private static boolean finish(Page page, RequestWatch watch, long deadline, boolean settle) {
        while (System.nanoTime() < deadline) {
            // the load event as before; only requests that hang may keep it away
            boolean loaded = watch.loaded() || watch.settled() && watch.hanging();
            if (loaded && (!settle || watch.settled())) {
                return true;
            }
            try {
                page.waitForTimeout(100);
            } catch (PlaywrightException e) {
                return true;
            }
        }
        return false;
    }

    /**
     * Opens a blank tab for a scenario or an interactive check to drive step by step. It is closed with the
     * session at the latest.
     */
    @Override
    public ScenarioPage openPage() {
        return new PlaywrightScenarioPage(context, scope);
    }

    /** How long a resource may wait before it counts as hanging ({@code page-load.json}). */
    public static Duration hangAfter() {
        return RequestWatch.HANG_AFTER;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                context.close();
            } catch (PlaywrightException e) {
                if (har == null) {
                    throw e;
                }
                // writing the archive failed (a full disk, say): what the checks found stands, the archive is missing
                LoggerFactory.getLogger(BrowserSession.class).warn("the session's HTTP archive was not written", e);
            }
        }
    }

    /**
     * What the session recorded, once it is closed (the archive is written on closing); empty for a session that
     * records nothing or is still open.
     */
    public Optional<Recording> recording() {
        return har == null || !closed ? Optional.empty() : Optional.of(new Recording(har, rendered));
    }

    private static String title(Page page) {
        try {
            return page.title();
        } catch (PlaywrightException e) {
            return "";
        }
    }

    static String reason(PlaywrightException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.contains("Timeout")) {
            return "超时未打开";
        }
        if (m.contains("ERR_NAME_NOT_RESOLVED")) {
            return "域名解析失败（DNS）";
        }
        if (m.contains("ERR_CONNECTION_REFUSED")) {
            return "连接被拒绝";
        }
        if (m.contains("ERR_CONNECTION_RESET") || m.contains("ERR_EMPTY_RESPONSE")) {
            return "连接被重置或无响应";
        }
        if (m.contains("ERR_CERT") || m.contains("ERR_SSL")) {
            return "TLS/证书错误";
        }
        if (m.contains("ERR_BLOCKED_BY_CLIENT")) {
            return "超出允许访问的网络范围";
        }
        if (m.contains("ERR_TOO_MANY_REDIRECTS")) {
            return "重定向次数过多";
        }
        int nl = m.indexOf('\n');
        return "无法打开：" + (nl < 0 ? m : m.substring(0, nl));
    }
}
