package cn.xunjian.browser;

import cn.xunjian.net.NetworkScope;
import cn.xunjian.net.ProxySettings;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Playwright driver and one headless system Chromium: the {@link WebBrowser} of an audit. Playwright is not
 * thread-safe: create a runtime per thread and never share it. Never downloads a browser.
 */
public final class BrowserRuntime implements WebBrowser, AutoCloseable {
    public static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";
    /** The flags a closed network and a root user need (DESIGN.md). */
    public static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic", "--disable-dev-shm-usage", "--font-render-hinting=none");

    private final Playwright playwright;
    private final Browser browser;
    private final NetworkScope scope;

    private BrowserRuntime(Playwright playwright, Browser browser, NetworkScope scope) {
        this.playwright = playwright;
        this.browser = browser;
        this.scope = scope;
    }

    /** Starts Chromium from {@code XUNJIAN_CHROMIUM} or {@value #DEFAULT_CHROMIUM}. */
    public static BrowserRuntime start(NetworkScope scope) {
        return start(scope, Path.of(System.getenv().getOrDefault("XUNJIAN_CHROMIUM", DEFAULT_CHROMIUM)));
    }

    /** Starts the Chromium at {@code exe}. */
    public static BrowserRuntime start(NetworkScope scope, Path exe) {
        return start(scope, exe, ProxySettings.NONE);
    }

    /**
     * Starts Chromium from {@code XUNJIAN_CHROMIUM} or {@value #DEFAULT_CHROMIUM}, reaching sites through
     * {@code proxies} as the HTTP stack does (Chromium takes one server: the https proxy, else the http one).
     */
    public static BrowserRuntime start(NetworkScope scope, ProxySettings proxies) {
        return start(scope, Path.of(System.getenv().getOrDefault("XUNJIAN_CHROMIUM", DEFAULT_CHROMIUM)), proxies);
    }

    /** Starts the Chromium at {@code exe} through {@code proxies}. */
    public static BrowserRuntime start(NetworkScope scope, Path exe, ProxySettings proxies) {
        if (!Files.isExecutable(exe)) {
            throw new BrowserUnavailableException("未找到 Chromium 浏览器：" + exe
                    + "。请安装 Debian 软件包 chromium（apt-get install chromium），或用环境变量 XUNJIAN_CHROMIUM 指定路径。", null);
        }
        List<String> args = new ArrayList<>(FLAGS);
        if (scope == NetworkScope.LOOPBACK_ONLY) {
            // Belt and braces with the request router: names other than loopback never resolve.
            args.add("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1");
        }
        Playwright playwright = null;
        try {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions()
                    .setExecutablePath(exe).setHeadless(true).setArgs(args).setTimeout(60_000);
            ProxySettings.Proxy proxy = proxies.https() != null ? proxies.https() : proxies.http();
            if (proxy != null) {
                // Playwright answers the proxy's 407 with these; they never reach a site
                // Chromium reaches loopback hosts directly unless told otherwise; NO_PROXY says which go directly
                Proxy p = new Proxy(proxy.server()).setBypass(proxies.noProxy().isEmpty() ? "<-loopback>"
                        : "<-loopback>," + proxies.chromiumBypass());
                if (proxy.hasCredentials()) {
                    p.setUsername(proxy.user()).setPassword(proxy.password());
                }
                launch.setProxy(p);
            }
            Browser browser = playwright.chromium().launch(launch);
            return new BrowserRuntime(playwright, browser, scope);
        } catch (PlaywrightException e) {
            if (playwright != null) {
                playwright.close();
            }
            throw new BrowserUnavailableException("Chromium 无法启动（" + exe + "）：" + firstLine(e.getMessage())
                    + "。请确认已安装 Debian 软件包 chromium 与 fonts-noto-cjk。", e);
        }
    }

    /** A new browser context (cookies, cache, profile) for one site. */
    @Override
    public BrowserSession openSession(DeviceProfile profile) {
        return new BrowserSession(browser, profile, null, scope, null);
    }

    /**
     * A new browser context seen through {@code profile} but announcing {@code userAgentOverride} (a search-engine
     * spider, say) as its user agent, both in HTTP requests and in {@code navigator.userAgent}.
     */
    @Override
    public BrowserSession openSession(DeviceProfile profile, String userAgentOverride) {
        return new BrowserSession(browser, profile, userAgentOverride, scope, null);
    }

    /**
     * A new browser context for one site that records every request and response it makes, with their bodies, into
     * the HTTP archive {@code har} (a {@code .zip}), written when the session closes: the web archive of the pages
     * rendered for findings is made from it.
     */
    public BrowserSession openRecordedSession(DeviceProfile profile, Path har) {
        return new BrowserSession(browser, profile, null, scope, har);
    }

    /** The Chromium itself, for the browser package's own flows (a challenge solve). */
    Browser chromium() {
        return browser;
    }

    public String browserVersion() {
        return browser.version();
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
