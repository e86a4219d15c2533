package cn.xunjian.browser;

import cn.xunjian.net.NetworkScope;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Clip;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.microsoft.playwright.options.WaitUntilState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** {@link ScenarioPage} over Playwright: one tab of a session plus the windows it opens. */
final class PlaywrightScenarioPage implements ScenarioPage {
    /** How long a read of the page may wait; a page stuck in a navigation must not stall the audit. */
    private static final double READ_MS = 3_000;

    private final BrowserContext context;
    private final NetworkScope scope;
    private final List<Page> pages = new ArrayList<>();
    private final Map<Page, List<Locator>> secretFields = new IdentityHashMap<>();
    private final List<String> scriptErrors = new ArrayList<>();
    private final List<String> failedResponses = new ArrayList<>();
    private final List<String> dialogs = new ArrayList<>();
    private Page current;

    PlaywrightScenarioPage(BrowserContext context, NetworkScope scope) {
        this.context = context;
        this.scope = scope;
        adopt(context.newPage());
    }

    private void adopt(Page page) {
        pages.add(page);
        current = page;
        page.onPageError(error -> scriptErrors.add(firstLine(error)));
        page.onResponse(r -> {
            String type = r.request().resourceType();
            if (r.status() >= 400 && (type.equals("document") || type.equals("xhr") || type.equals("fetch"))) {
                failedResponses.add(r.status() + " " + r.url());
            }
        });
        page.onDialog(d -> {
            dialogs.add(d.message());
            try {
                d.accept();
            } catch (PlaywrightException ignored) {
                // the page may have closed the dialog itself
            }
        });
        page.onPopup(this::adopt);
        page.onClose(p -> {
            pages.remove(p);
            if (current == p && !pages.isEmpty()) {
                current = pages.get(pages.size() - 1);
            }
        });
    }

    @Override
    public int navigate(String url, Duration timeout) {
        if (!scope.allows(url) && !url.startsWith("data:")) {
            throw new PageActionException("超出允许访问的网络范围：" + url, null);
        }
        try {
            Response r = current.navigate(url, new Page.NavigateOptions().setTimeout(ms(timeout))
                    .setWaitUntil(WaitUntilState.LOAD));
            return r == null ? 0 : r.status();
        } catch (PlaywrightException e) {
            throw new PageActionException("无法打开 " + url + "：" + BrowserSession.reason(e), e);
        }
    }

    @Override
    public void click(Target target, Duration timeout) {
        act(target, timeout, "点击", () -> {
            locate(target).click(new Locator.ClickOptions().setTimeout(ms(timeout)).setNoWaitAfter(true));
            return null;
        });
    }

    @Override
    public void fill(Target target, String value, boolean secret, Duration timeout) {
        act(target, timeout, "填写", () -> {
            Locator field = locate(target);
            field.fill(value, new Locator.FillOptions().setTimeout(ms(timeout)));
            if (secret) {
                secretFields.computeIfAbsent(current, p -> new ArrayList<>()).add(field);
            }
            return null;
        });
    }

    @Override
    public void select(Target target, String option, Duration timeout) {
        act(target, timeout, "选择", () -> locate(target).selectOption(option,
                new Locator.SelectOptionOptions().setTimeout(ms(timeout))));
    }

    @Override
    public void check(Target target, boolean checked, Duration timeout) {
        act(target, timeout, checked ? "勾选" : "取消勾选", () -> {
            locate(target).setChecked(checked, new Locator.SetCheckedOptions().setTimeout(ms(timeout)));
            return null;
        });
    }

    @Override
    public void press(Target target, String key, Duration timeout) {
        if (target == null) {
            try {
                current.keyboard().press(key);
            } catch (PlaywrightException e) {
                throw new PageActionException("无法按键 " + key + "：" + firstLine(e.getMessage()), e);
            }
            return;
        }
        act(target, timeout, "按键 " + key, () -> {
            locate(target).press(key, new Locator.PressOptions().setTimeout(ms(timeout)));
            return null;
        });
    }

    @Override
    public void upload(Target target, Path file, Duration timeout) {
        act(target, timeout, "上传", () -> {
            locate(target).setInputFiles(file, new Locator.SetInputFilesOptions().setTimeout(ms(timeout)));
            return null;
        });
    }

    @Override
    public void waitFor(Target target, String state, Duration timeout) {
        WaitForSelectorState s;
        try {
            s = WaitForSelectorState.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PageActionException("未知的等待状态：" + state, e);
        }
        act(target, timeout, "等待", () -> {
            locate(target).waitFor(new Locator.WaitForOptions().setState(s).setTimeout(ms(timeout)));
            return null;
        });
    }

    @Override
    public String text(Target target, Duration timeout) {
        return act(target, timeout, "读取", () -> locate(target).innerText(
                new Locator.InnerTextOptions().setTimeout(ms(timeout))));
    }

    @Override
    public int count(Target target) {
        try {
            return all(target).count();
        } catch (PlaywrightException e) {
            return 0;
        }
    }

    @Override
    public boolean visible(Target target) {
        try {
            return locate(target).isVisible();
        } catch (PlaywrightException e) {
            return false;
        }
    }

    @Override
    public boolean enabled(Target target) {
        try {
            return locate(target).isEnabled(new Locator.IsEnabledOptions().setTimeout(1_000));
        } catch (PlaywrightException e) {
            return false;
        }
    }

    @Override
    public String url() {
        pump();
        return current.url();
    }

    @Override
    public String html() {
        try {
            Object html = current.locator("html").evaluate("e => '<!DOCTYPE html>\\n' + e.outerHTML", null,
                    new Locator.EvaluateOptions().setTimeout(READ_MS));
            return html == null ? "" : html.toString();
        } catch (PlaywrightException e) {
            return "";
        }
    }

    @Override
    public String bodyText() {
        try {
            // A locator read, unlike page.evaluate, gives up while a navigation that never commits is pending.
            return current.locator("body").innerText(new Locator.InnerTextOptions().setTimeout(READ_MS));
        } catch (PlaywrightException e) {
            return ""; // navigating: the old document is gone, the new one not there yet
        }
    }

    @Override
    public byte[] screenshot() {
        return current.screenshot(new Page.ScreenshotOptions().setFullPage(true).setTimeout(15_000)
                .setMask(secretFields.getOrDefault(current, List.of())));
    }

    @Override
    public byte[] screenshot(Target target, Duration timeout) {
        return act(target, timeout, "截图", () -> locate(target).screenshot(new Locator.ScreenshotOptions()
                .setTimeout(ms(timeout)).setMask(secretFields.getOrDefault(current, List.of()))));
    }

    @Override
    public byte[] screenshot(Region region) {
        try {
            return current.screenshot(new Page.ScreenshotOptions()
                    .setClip(new Clip(region.x(), region.y(), region.width(), region.height()))
                    .setMask(secretFields.getOrDefault(current, List.of())));
        } catch (PlaywrightException e) {
            throw new PageActionException("无法截取区域：" + firstLine(e.getMessage()), e);
        }
    }

    @Override
    public void settle(Duration timeout) {
        try {
            current.waitForLoadState(LoadState.LOAD, new Page.WaitForLoadStateOptions().setTimeout(ms(timeout)));
            current.waitForLoadState(LoadState.NETWORKIDLE,
                    new Page.WaitForLoadStateOptions().setTimeout(Math.min(ms(timeout), 3_000)));
        } catch (PlaywrightException e) {
            // a page that keeps polling never goes quiet; the caller judges what is on screen
        }
    }

    @Override
    public List<String> scriptErrors() {
        pump();
        return List.copyOf(scriptErrors);
    }

    @Override
    public List<String> failedResponses() {
        pump();
        return List.copyOf(failedResponses);
    }

    @Override
    public List<String> dialogs() {
        pump();
        return List.copyOf(dialogs);
    }

    @Override
    public AuditPage auditPage() {
        return new PlaywrightAuditPage(current, context, scope);
    }

    @Override
    public void close() {
        for (Page p : List.copyOf(pages)) {
            try {
                p.close();
            } catch (PlaywrightException ignored) {
                // already gone with its context
            }
        }
    }

    /**
     * Lets Playwright deliver pending events (navigations, dialogs, errors, new windows): the Java client only
     * reads them while a call is in flight, so a loop that only reads cached state would never see them.
     */
    private void pump() {
        try {
            current.waitForTimeout(1);
        } catch (PlaywrightException ignored) {
            // a closed page has nothing more to say
        }
    }

    private Locator all(Target target) {
        return switch (target.kind()) {
            case CSS -> current.locator(target.value());
            case TEXT -> current.getByText(target.value());
            case LABEL -> current.getByLabel(target.value());
            case PLACEHOLDER -> current.getByPlaceholder(target.value());
            case ROLE -> current.locator(roleSelector(target));
        };
    }

    /**
     * The selector {@code getByRole} would build. Built here because Playwright lower-cases the role with the
     * default locale, and under a Turkish locale "LINK" becomes "lınk", which matches nothing.
     */
    static String roleSelector(Target target) {
        String role = AriaRole.valueOf(target.value().toUpperCase(Locale.ROOT)).name().toLowerCase(Locale.ROOT);
        if (target.name() == null) {
            return "internal:role=" + role;
        }
        String quoted = "\"" + target.name().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return "internal:role=" + role + "[name=" + quoted + "i]";
    }

    private Locator locate(Target target) {
        return all(target).first();
    }

    private static <T> T act(Target target, Duration timeout, String verb, Supplier<T> action) {
        try {
            return action.get();
        } catch (TimeoutError e) {
            throw new PageActionException(String.format(Locale.ROOT, "%s失败：%d 毫秒内未找到可操作的元素（%s）",
                    verb, timeout.toMillis(), target.describe()), e);
        } catch (PlaywrightException e) {
            throw new PageActionException(verb + "失败（" + target.describe() + "）：" + firstLine(e.getMessage()), e);
        }
    }

    private static double ms(Duration d) {
        return d.toMillis();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
