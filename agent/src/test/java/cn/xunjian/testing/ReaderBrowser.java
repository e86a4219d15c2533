package cn.xunjian.testing;

import cn.xunjian.browser.BrowserRuntime;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.Map;

/** A plain Chromium page for tests that look at output the way a reader does (report.html from disk). */
public final class ReaderBrowser implements AutoCloseable {
    private final Playwright playwright;
    private final Browser browser;

    public ReaderBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(BrowserRuntime.DEFAULT_CHROMIUM)).setHeadless(true)
                .setArgs(BrowserRuntime.FLAGS));
    }

    public Page open(String url) {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900).setLocale("zh-CN"));
        page.navigate(url);
        return page;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
