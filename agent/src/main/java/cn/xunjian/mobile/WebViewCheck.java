package cn.xunjian.mobile;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.PageActionException;
import cn.xunjian.browser.ScenarioPage;
import cn.xunjian.browser.Target;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.check.Facts;
import cn.xunjian.check.FooterMarksCheck;
import cn.xunjian.check.SiteCheck;
import cn.xunjian.model.Account;
import cn.xunjian.check.SiteContext;
import cn.xunjian.crawl.LinkStatus;
import cn.xunjian.model.Evidence;
import cn.xunjian.scenario.BrowserPages;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * M-V3 / M-D1: do the site's WeChat web views (mini-program pages, 掌上… H5 sites) open and work the way a
 * citizen inside WeChat sees them? Each {@code webviews} URL of the site file, and each same-site page a footer QR
 * code points to, is opened in a {@link DeviceProfile#WECHAT} session (MicroMessenger / miniProgram user agent,
 * {@code WeixinJSBridge} and {@code wx.miniProgram} stubs) and given a short settle.
 *
 * <ul>
 *   <li>does not open, HTTP ≥ 400, still says 请在微信客户端打开, or stays blank → M-V3 veto
 *       ({@code webview.unreachable}, {@code webview.wechat-only}, {@code webview.blank});</li>
 *   <li>a column or tab showing 暂无数据 → M-D1 deduction {@code webview.empty-column} (each tab is clicked);</li>
 *   <li>a broken link or image inside → M-D1 {@code webview.link-broken}, one per link;</li>
 *   <li>an uncaught script error, a failed XHR/fetch, or an error text → M-D1 {@code webview.page-error};</li>
 *   <li>none of these → info {@code webview.ok}.</li>
 * </ul>
 * Every finding of a view carries the view's mobile screenshot.
 */
public final class WebViewCheck implements SiteCheck {
    public static final String INDICATOR = "M-V3";
    public static final String DEDUCT_INDICATOR = "M-D1";
    private static final Logger LOG = LoggerFactory.getLogger(WebViewCheck.class);
    private static final long POLL_MS = 200;
    /** The platform web views are listed under among the site's accounts. */
    static final String PLATFORM = "webview";

    private final WebViewRules rules;

    public WebViewCheck() {
        this(WebViewRules.standard());
    }

    public WebViewCheck(WebViewRules rules) {
        this.rules = rules;
    }

    @Override
    public String name() {
        return "webview";
    }

    @Override
    public String indicator() {
        return INDICATOR;
    }

    @Override
    public List<Finding> run(SiteContext context) throws InterruptedException {
        List<WebViewTargets.Target> targets = WebViewTargets.of(context.site(),
                context.facts().all(FooterMarksCheck.QR_CODES));
        List<Finding> findings = new ArrayList<>();
        try (BrowserPages pages = new BrowserPages(context.browser())) {
            int n = 0;
            for (WebViewTargets.Target target : targets) {
                n++;
                context.facts().add(Facts.ACCOUNTS, new Account(target.name(), PLATFORM, target.url()));
                if (!context.scope().allows(target.url())) {
                    findings.add(new Finding(INDICATOR, "webview.skipped", Severity.INFO, target.url(),
                            "“" + target.name() + "”超出允许访问的网络范围，未检查", List.of()));
                    continue;
                }
                findings.addAll(new View(context, pages.open(DeviceProfile.WECHAT), target, n).check());
            }
        }
        return findings;
    }

    /** One web view being checked. */
    private final class View {
        private final SiteContext context;
        private final ScenarioPage page;
        private final WebViewTargets.Target target;
        private final String prefix;
        private final List<Evidence> evidence = new ArrayList<>();

        View(SiteContext context, ScenarioPage page, WebViewTargets.Target target, int n) {
            this.context = context;
            this.page = page;
            this.target = target;
            this.prefix = String.format(Locale.ROOT, "webview-%02d", n);
        }

        List<Finding> check() throws InterruptedException {
            String who = "“" + target.name() + "”";
            int status;
            try {
                status = page.navigate(target.url(), rules.timeouts().page());
            } catch (PageActionException e) {
                shot("not-opened");
                return List.of(veto("webview.unreachable", who + "在微信中无法打开：" + e.getMessage()));
            }
            if (status >= 400) {
                shot("http-" + status);
                return List.of(veto("webview.unreachable", who + "在微信中打开返回 HTTP " + status));
            }
            page.settle(rules.timeouts().settle());
            String text = waitForText();
            shot("wechat");
            Optional<String> wechatOnly = WebViewRules.firstIn(text, rules.wechatOnlyPhrases());
            if (wechatOnly.isPresent()) {
                dom();
                return List.of(veto("webview.wechat-only",
                        who + "以微信（小程序）环境打开仍提示“" + wechatOnly.get() + "”，无法使用"));
            }
            if (visibleChars(text) < rules.minTextChars()) {
                dom();
                return List.of(veto("webview.blank", String.format(Locale.ROOT,
                        "%s在微信中打开后 %d 毫秒内页面仍为空白，没有可见内容", who, rules.timeouts().settleMs())));
            }
            List<Finding> findings = new ArrayList<>();
            findings.addAll(emptyColumns(who, text));
            findings.addAll(brokenLinks(who));
            findings.addAll(pageErrors(who, text));
            if (findings.isEmpty()) {
                findings.add(new Finding(INDICATOR, "webview.ok", Severity.INFO, target.url(),
                        who + "在微信中可以正常打开和使用", evidence));
            }
            return findings;
        }

        /** Polls until the page shows some text; a view that renders after its data arrives gets the settle time. */
        private String waitForText() throws InterruptedException {
            long deadline = System.nanoTime() + rules.timeouts().settle().toNanos();
            String text = page.bodyText();
            while (visibleChars(text) < rules.minTextChars() && System.nanoTime() < deadline) {
                Thread.sleep(POLL_MS);
                text = page.bodyText();
            }
            return text;
        }

        private List<Finding> emptyColumns(String who, String initial) {
            List<Finding> out = new ArrayList<>();
            Target tabs = Target.css(rules.tabSelector());
            int count = Math.min(page.count(tabs), rules.maxTabs());
            for (int i = 0; i < count; i++) {
                Target tab = Target.css(rules.tabSelector() + " >> nth=" + i);
                try {
                    if (!page.visible(tab)) {
                        continue;
                    }
                    String name = page.text(tab, rules.timeouts().action()).strip();
                    page.click(tab, rules.timeouts().action());
                    page.settle(rules.timeouts().action());
                    String text = page.bodyText();
                    Optional<String> empty = WebViewRules.firstIn(text, rules.emptyPhrases());
                    if (empty.isPresent()) {
                        Evidence tabShot = screenshot(prefix + "-tab-" + (i + 1));
                        List<Evidence> ev = new ArrayList<>(evidence);
                        if (tabShot != null) {
                            ev.add(tabShot);
                        }
                        out.add(new Finding(DEDUCT_INDICATOR, "webview.empty-column", Severity.DEDUCT, target.url(),
                                who + "的栏目“" + name + "”无内容（显示“" + empty.get() + "”）", ev)
                                .with("column", name).with("shown", empty.get()));
                    }
                    if (!page.url().equals(target.url())) {
                        page.navigate(target.url(), rules.timeouts().page()); // the tab was a link; come back
                        page.settle(rules.timeouts().action());
                    }
                } catch (PageActionException e) {
                    LOG.debug("tab {} of {} not usable: {}", i, target.url(), e.getMessage());
                }
            }
            if (out.isEmpty()) {
                WebViewRules.firstIn(initial, rules.emptyPhrases()).ifPresent(p -> out.add(new Finding(
                        DEDUCT_INDICATOR, "webview.empty-column", Severity.DEDUCT, target.url(),
                        who + "有栏目无内容（页面显示“" + p + "”）", evidence)));
            }
            return out;
        }

        private List<Finding> brokenLinks(String who) throws InterruptedException {
            if (context.links() == null) {
                return List.of();
            }
            Document doc = Jsoup.parse(page.html(), page.url());
            Set<String> urls = new LinkedHashSet<>();
            for (Element el : doc.select("a[href], img[src], iframe[src]")) {
                String abs = el.absUrl(el.hasAttr("href") ? "href" : "src");
                int hash = abs.indexOf('#');
                String clean = hash < 0 ? abs : abs.substring(0, hash);
                if ((clean.startsWith("http://") || clean.startsWith("https://")) && urls.size() < rules.maxLinks()) {
                    urls.add(clean);
                }
            }
            List<Finding> out = new ArrayList<>();
            for (LinkStatus s : context.links().checkAll(urls)) {
                if (s.broken()) {
                    out.add(new Finding(DEDUCT_INDICATOR, "webview.link-broken", Severity.DEDUCT, s.url(),
                            who + "中的链接无法使用（" + s.describe() + "）：" + s.url(), evidence));
                }
            }
            return out;
        }

        private List<Finding> pageErrors(String who, String text) {
            List<String> problems = new ArrayList<>();
            List<String> scripts = page.scriptErrors();
            if (!scripts.isEmpty()) {
                problems.add("页面脚本出错：" + String.join("；", scripts.stream().limit(3).toList()));
            }
            List<String> failed = page.failedResponses();
            if (!failed.isEmpty()) {
                problems.add("数据请求失败：" + String.join("；", failed.stream().limit(3).toList()));
            }
            WebViewRules.firstIn(text, rules.errorPhrases()).ifPresent(p -> problems.add("页面提示“" + p + "”"));
            if (problems.isEmpty()) {
                return List.of();
            }
            return List.of(new Finding(DEDUCT_INDICATOR, "webview.page-error", Severity.DEDUCT, target.url(),
                    who + "功能异常：" + String.join("；", problems), evidence));
        }

        private Finding veto(String kind, String message) {
            return new Finding(INDICATOR, kind, Severity.VETO, target.url(), message, evidence);
        }

        private void shot(String name) {
            Evidence e = screenshot(prefix + "-" + name);
            if (e != null) {
                evidence.add(e);
            }
        }

        private Evidence screenshot(String name) {
            try {
                return context.evidence().screenshot(name, page.screenshot(), page.url());
            } catch (RuntimeException e) {
                LOG.debug("no screenshot {}: {}", name, e.toString());
                return null;
            }
        }

        private void dom() {
            String html = page.html();
            if (!html.isEmpty()) {
                evidence.add(context.evidence().html(prefix + "-dom", html, page.url()));
            }
        }
    }

    private static int visibleChars(String text) {
        return text == null ? 0 : text.replaceAll("\\s+", "").length();
    }
}
