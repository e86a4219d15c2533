package cn.xunjian.browser;

import cn.xunjian.net.ChallengeMarkers;
import cn.xunjian.net.ChallengeSolver;
import cn.xunjian.net.NetworkScope;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.WaitUntilState;
import java.net.HttpCookie;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes an anti-bot challenge in headless Chromium as a citizen's browser does: opens the URL, lets the
 * challenge's script set its cookie and reload, and waits (bounded) until the page's own document answers with a
 * status that is no challenge's; then hands the context's cookies for the URL to the HTTP stack. Chromium is
 * started for each solve and closed after it: a solve happens once per challenged host, and Playwright objects
 * must not be shared across the crawl's threads. One solve at a time.
 */
public final class ChromiumChallengeSolver implements ChallengeSolver {
    private static final Logger LOG = LoggerFactory.getLogger(ChromiumChallengeSolver.class);
    private static final long POLL_MILLIS = 100;

    private final NetworkScope scope;
    private final Path exe;
    private final Clock clock;
    private final ChallengeMarkers markers = ChallengeMarkers.standard();

    public ChromiumChallengeSolver(NetworkScope scope, Clock clock) {
        this(scope, Path.of(System.getenv().getOrDefault("XUNJIAN_CHROMIUM", BrowserRuntime.DEFAULT_CHROMIUM)),
                clock);
    }

    public ChromiumChallengeSolver(NetworkScope scope, Path exe, Clock clock) {
        this.scope = scope;
        this.exe = exe;
        this.clock = clock;
    }

    @Override
    public synchronized Optional<Solution> solve(URI url, String userAgent, Duration timeout) {
        try (BrowserRuntime runtime = BrowserRuntime.start(scope, exe)) {
            Browser browser = runtime.chromium();
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                    .setUserAgent(userAgent))) {
                if (scope != NetworkScope.ANY) {
                    context.route("**/*", route -> {
                        if (scope.allows(route.request().url())) {
                            route.resume();
                        } else {
                            route.abort("blockedbyclient");
                        }
                    });
                }
                Page page = context.newPage();
                // the browser's start-up is bounded by its own launch timeout; this bounds the challenge
                long deadline = System.nanoTime() + timeout.toNanos();
                page.onDialog(d -> d.dismiss());
                AtomicInteger lastStatus = new AtomicInteger(-1);
                page.onResponse(r -> {
                    if (r.request().isNavigationRequest() && r.frame().parentFrame() == null) {
                        lastStatus.set(r.status());
                    }
                });
                try {
                    page.navigate(url.toString(), new Page.NavigateOptions().setWaitUntil(WaitUntilState.DOMCONTENTLOADED)
                            .setTimeout(Math.max(1, remainingMillis(deadline))));
                } catch (PlaywrightException e) {
                    // the challenge's reload may cut this navigation short; what counts is the answer after it
                }
                while (remainingMillis(deadline) > 0) {
                    int status = lastStatus.get();
                    if (status > 0 && !markers.mayBe(status)) {
                        List<HttpCookie> cookies = cookies(context.cookies(url.toString()));
                        LOG.info("challenge of {} passed in the browser: HTTP {}, {} cookies", url.getHost(), status,
                                cookies.size());
                        return Optional.of(new Solution(cookies, userAgent));
                    }
                    page.waitForTimeout(POLL_MILLIS);
                }
                LOG.info("challenge of {} not passed within {}: last answer HTTP {}", url.getHost(), timeout,
                        lastStatus.get());
                return Optional.empty();
            }
        } catch (BrowserUnavailableException | PlaywrightException e) {
            LOG.warn("challenge of {} not passed: the browser failed: {}", url.getHost(), e.getMessage());
            return Optional.empty();
        }
    }

    private List<HttpCookie> cookies(List<Cookie> found) {
        long now = clock.millis() / 1000;
        List<HttpCookie> out = new ArrayList<>(found.size());
        for (Cookie c : found) {
            HttpCookie h = new HttpCookie(c.name, c.value);
            h.setPath(c.path);
            h.setSecure(Boolean.TRUE.equals(c.secure));
            h.setHttpOnly(Boolean.TRUE.equals(c.httpOnly));
            h.setMaxAge(c.expires == null || c.expires < 0 ? -1 : Math.max(0, c.expires.longValue() - now));
            out.add(h);
        }
        return out;
    }

    private static long remainingMillis(long deadline) {
        return (deadline - System.nanoTime()) / 1_000_000;
    }
}
