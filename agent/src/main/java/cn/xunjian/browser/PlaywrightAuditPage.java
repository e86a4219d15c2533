package cn.xunjian.browser;

import cn.xunjian.net.NetworkScope;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.RequestOptions;
import java.util.Optional;

/** {@link AuditPage} over a live Playwright page. */
final class PlaywrightAuditPage implements AuditPage {
    private static final String OUTLINE = """
            (sel) => {
              const el = document.querySelector(sel);
              if (!el) return false;
              el.scrollIntoView({block: 'center', inline: 'center'});
              el.dataset.xjOutline = el.getAttribute('style') || '';
              el.style.outline = '4px solid #e60012';
              el.style.outlineOffset = '2px';
              return true;
            }""";
    private static final String RESTORE = """
            (sel) => {
              const el = document.querySelector(sel);
              if (!el) return;
              el.setAttribute('style', el.dataset.xjOutline || '');
              if (!el.getAttribute('style')) el.removeAttribute('style');
              delete el.dataset.xjOutline;
            }""";

    private static final String HIGHLIGHT = """
            (phrase) => {
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              let node;
              while ((node = walker.nextNode())) {
                const i = node.data.indexOf(phrase);
                if (i < 0) continue;
                const parent = node.parentElement;
                if (!parent || !parent.getClientRects().length) continue;
                const range = document.createRange();
                range.setStart(node, i);
                range.setEnd(node, i + phrase.length);
                const mark = document.createElement('span');
                mark.id = '__xj_highlight';
                mark.style.outline = '3px solid #e60012';
                mark.style.background = 'rgba(255, 235, 59, 0.6)';
                range.surroundContents(mark);
                mark.scrollIntoView({block: 'center', inline: 'center'});
                return true;
              }
              return false;
            }""";
    private static final String UNHIGHLIGHT = """
            () => {
              const mark = document.getElementById('__xj_highlight');
              if (!mark) return;
              const parent = mark.parentNode;
              while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
              parent.removeChild(mark);
              parent.normalize();
            }""";

    private final Page page;
    private final BrowserContext context;
    private final NetworkScope scope;

    PlaywrightAuditPage(Page page, BrowserContext context, NetworkScope scope) {
        this.page = page;
        this.context = context;
        this.scope = scope;
    }

    @Override
    public String url() {
        return page.url();
    }

    @Override
    public String html() {
        return page.content();
    }

    @Override
    public String title() {
        return page.title();
    }

    @Override
    public byte[] screenshot() {
        return page.screenshot(new Page.ScreenshotOptions().setFullPage(true));
    }

    @Override
    public Optional<byte[]> outlinedScreenshot(String cssSelector) {
        try {
            Object found = page.evaluate(OUTLINE, cssSelector);
            if (!Boolean.TRUE.equals(found)) {
                return Optional.empty();
            }
            try {
                return Optional.of(page.screenshot());
            } finally {
                page.evaluate(RESTORE, cssSelector);
            }
        } catch (PlaywrightException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<byte[]> highlightedScreenshot(String phrase) {
        try {
            if (!Boolean.TRUE.equals(page.evaluate(HIGHLIGHT, phrase))) {
                return Optional.empty();
            }
            try {
                return Optional.of(page.screenshot());
            } finally {
                page.evaluate(UNHIGHLIGHT);
            }
        } catch (PlaywrightException e) {
            return Optional.empty();
        }
    }

    @Override
    public String evaluateJson(String function) {
        Object json = page.evaluate("() => JSON.stringify((" + function + ")())");
        return json == null ? "null" : json.toString();
    }

    @Override
    public Optional<byte[]> fetch(String absoluteUrl) {
        if (!scope.allows(absoluteUrl)) {
            return Optional.empty();
        }
        try {
            APIResponse r = context.request().get(absoluteUrl, RequestOptions.create().setTimeout(15_000));
            try {
                return r.ok() ? Optional.of(r.body()) : Optional.empty();
            } finally {
                r.dispose();
            }
        } catch (PlaywrightException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<FrameDocument> frame(String cssSelector) {
        try {
            ElementHandle element = page.querySelector(cssSelector);
            if (element == null) {
                return Optional.empty();
            }
            try {
                Frame frame = element.contentFrame();
                if (frame == null || !loaded(frame.url(), element.getAttribute("src"))) {
                    return Optional.empty();
                }
                return Optional.of(new FrameDocument(frame.url(), frame.content()));
            } finally {
                element.dispose();
            }
        } catch (PlaywrightException e) {
            return Optional.empty();
        }
    }

    /**
     * A frame whose request was blocked or failed shows Chromium's error page ({@code chrome-error://}); one that
     * never navigated stays on {@code about:blank} although its element names a source.
     */
    private static boolean loaded(String frameUrl, String src) {
        if (frameUrl == null || frameUrl.isEmpty() || frameUrl.startsWith("chrome-error:")) {
            return false;
        }
        return !frameUrl.equals("about:blank") || src == null || src.isBlank() || src.trim().equals("about:blank");
    }
}
