package cn.xunjian.darklink;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.browser.PageLoad;
import cn.xunjian.browser.WebBrowser;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.check.Facts;
import cn.xunjian.check.SiteCheck;
import cn.xunjian.check.SiteContext;
import cn.xunjian.model.Evidence;
import cn.xunjian.evidence.SiteEvidence;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * W-V1 search-engine cloaking and referer hijack (页面劫持): the home page (and the key pages of
 * {@code hijack.json}) is visited twice as an ordinary browser (the noise baseline), as each search spider (plain
 * HTTP and rendered with the spider's user agent) and as a visitor arriving from a search results page (rendered,
 * so redirects that test {@code document.referrer} fire; and plain HTTP with the {@code Referer} header).
 * Status, redirect target, title, meta keywords and description, spam wording and outbound hosts are compared;
 * a difference beyond the baseline noise is a VETO finding ({@code hijack.spider} or {@code hijack.referer}) with
 * both screenshots side by side and both page sources. Every visit is aimed at the audited site's own URLs.
 * Links of the site to pages of other sites whose targets, as the crawl previewed them, now serve gambling, porn or
 * other spam are VETO findings too ({@code hijack.outlink}, 外链被劫持; see {@link HijackedOutlinks}).
 */
public final class HijackCheck implements SiteCheck {
    public static final String INDICATOR = "W-V1";
    public static final String SPIDER = "hijack.spider";
    public static final String REFERER = "hijack.referer";
    /** The names of a finding's two captures: the page as a normal visitor saw it, and as the other visitor did. */
    public static final String CAPTURE_NORMAL = "-capture-normal";
    public static final String CAPTURE_VARIANT = "-capture-variant";
    public static final String OUTLINK = HijackedOutlinks.KIND;
    private static final Logger LOG = LoggerFactory.getLogger(HijackCheck.class);
    private static final String BLOCKED = "超出允许访问的网络范围";

    private final HijackRules rules;
    private final SpamKeywords spam;
    private final FeatureDiff diff;
    private final HijackedOutlinks outlinks;

    public HijackCheck() {
        this(HijackRules.standard(), SpamKeywords.standard());
    }

    public HijackCheck(HijackRules rules, SpamKeywords spam) {
        this.rules = rules;
        this.spam = spam;
        this.diff = new FeatureDiff(rules.titleSimilarity());
        this.outlinks = new HijackedOutlinks(spam, rules.outlinkScreenshots());
    }

    @Override
    public String name() {
        return "hijack";
    }

    @Override
    public String indicator() {
        return INDICATOR;
    }

    @Override
    public List<Finding> run(SiteContext ctx) throws InterruptedException {
        List<Finding> findings = new ArrayList<>();
        for (String url : pages(ctx.site().url())) {
            findings.addAll(inspect(url, ctx.site().name(), ctx.browser(), ctx.http(), ctx.pageTimeout(),
                    ctx.evidence()));
        }
        findings.addAll(outlinks.inspect(ctx.facts().all(Facts.LINK_TARGETS), ctx.renderer(), ctx.evidence()));
        return findings;
    }

    /** The URLs checked: the site URL and the key pages of the data file, resolved against it. */
    List<String> pages(String siteUrl) {
        Set<String> urls = new LinkedHashSet<>();
        urls.add(siteUrl);
        for (String p : rules.keyPages()) {
            urls.add(URI.create(siteUrl).resolve(p).toString());
        }
        return List.copyOf(urls);
    }

    /** Visits {@code url} under every profile, over HTTP with a stack of its own within {@code scope}. */
    public List<Finding> inspect(String url, String siteName, WebBrowser browser, NetworkScope scope,
                                 Duration timeout, SiteEvidence evidence) throws InterruptedException {
        try (HttpStack stack = HttpStack.of(scope)) {
            return inspect(url, siteName, browser, stack, timeout, evidence);
        }
    }

    /** Visits {@code url} under every profile and reports each profile that saw a different page. */
    public List<Finding> inspect(String url, String siteName, WebBrowser browser, HttpStack stack,
                                 Duration timeout, SiteEvidence evidence) throws InterruptedException {
        if (!stack.scope().allows(url)) {
            return List.of();
        }
        HttpProbe http = new HttpProbe(stack, Duration.ofSeconds(rules.httpTimeoutSeconds()), rules.maxRedirects());
        Map<DeviceProfile, Baseline> baselines = new EnumMap<>(DeviceProfile.class);
        List<Finding> findings = new ArrayList<>();
        for (HijackRules.Spider s : rules.spiders()) {
            Baseline base = baselines.computeIfAbsent(s.device(), d -> baseline(d, url, browser, http, timeout));
            Visit httpVisit = httpVisit(http, url, s.userAgent(), null);
            Visit rendered = render(browser, s.device(), s.userAgent(), url, null, timeout);
            compare(base, httpVisit, rendered).ifPresent(diffs -> findings.add(finding(SPIDER, url,
                    "以" + s.label() + "身份访问时看到的页面与普通访问不同（疑似针对搜索引擎的劫持）：", s.label(), diffs,
                    base, httpVisit, rendered, evidence)));
        }
        for (HijackRules.Referer r : rules.referers()) {
            Baseline base = baselines.computeIfAbsent(DeviceProfile.DESKTOP,
                    d -> baseline(d, url, browser, http, timeout));
            String referer = r.forSite(siteName);
            Visit httpVisit = httpVisit(http, url, DeviceProfile.DESKTOP.userAgent(), referer);
            Visit rendered = render(browser, DeviceProfile.DESKTOP, null, url, referer, timeout);
            compare(base, httpVisit, rendered).ifPresent(diffs -> findings.add(finding(REFERER, url,
                    "作为" + r.label() + "（来源 " + referer + "）打开时页面与直接访问不同（疑似页面劫持）：", r.label(), diffs,
                    base, httpVisit, rendered, evidence)));
        }
        return findings;
    }

    /** One visit: its features, page source and screenshot; {@code features} null when it failed for no reason of the site's making. */
    private record Visit(String how, PageFeatures features, String html, byte[] screenshot, String error) {
        boolean blocked() {
            return error.contains(BLOCKED);
        }
    }

    private record Baseline(Visit http1, Visit http2, Visit rendered1, Visit rendered2) {
    }

    private Baseline baseline(DeviceProfile device, String url, WebBrowser browser, HttpProbe http,
                              Duration timeout) {
        try {
            return new Baseline(httpVisit(http, url, device.userAgent(), null),
                    httpVisit(http, url, device.userAgent(), null),
                    render(browser, device, null, url, null, timeout), render(browser, device, null, url, null, timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Visit httpVisit(HttpProbe http, String url, String userAgent, String referer) throws InterruptedException {
        HttpProbe.Result r = http.fetch(url, userAgent, referer);
        List<String> redirects = new ArrayList<>(r.redirects());
        String refresh = PageFeatures.metaRefresh(r.body(), r.finalUrl());
        if (!refresh.isEmpty()) {
            redirects.add(refresh);
        }
        String end = refresh.isEmpty() ? r.finalUrl() : refresh;
        boolean usable = r.error().isEmpty() || r.error().contains(BLOCKED);
        PageFeatures f = usable ? PageFeatures.of(r.status(), redirects, end, r.body(), url, spam) : null;
        return new Visit("HTTP", f, r.body(), null, r.error());
    }

    private Visit render(WebBrowser browser, DeviceProfile device, String userAgent, String url, String referer,
                         Duration timeout) {
        try (WebBrowser.Session session = userAgent == null ? browser.openSession(device)
                : browser.openSession(device, userAgent)) {
            PageLoad load = session.load(url, timeout, referer);
            if (load instanceof PageLoad.Loaded loaded) {
                String html = loaded.page().html();
                String end = loaded.page().url();
                List<String> redirects = end.equals(url) ? List.of() : List.of(end);
                return new Visit("浏览器", PageFeatures.of(loaded.status(), redirects, end, html, url, spam), html,
                        loaded.page().screenshot(), "");
            }
            PageLoad.NotLoaded failed = (PageLoad.NotLoaded) load;
            LOG.info("hijack probe of {} ({}) did not load: {}", url, userAgent == null ? referer : userAgent,
                    failed.reason());
            PageFeatures f = failed.reason().contains(BLOCKED)
                    ? PageFeatures.of(0, List.of(), "", "", url, spam) : null;
            return new Visit("浏览器", f, "", failed.screenshot(), failed.reason());
        }
    }

    private java.util.Optional<List<String>> compare(Baseline base, Visit http, Visit rendered) {
        Set<String> diffs = new LinkedHashSet<>();
        if (usable(base.http1(), base.http2(), http)) {
            diffs.addAll(diff.compare(base.http1().features(), base.http2().features(), http.features()));
        }
        if (usable(base.rendered1(), base.rendered2(), rendered)) {
            if (rendered.blocked() && !base.rendered1().blocked()) {
                diffs.add("浏览器被带到允许访问范围之外的网站（已拦截）");
            } else {
                diffs.addAll(diff.compare(base.rendered1().features(), base.rendered2().features(),
                        rendered.features()));
            }
        }
        return diffs.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(List.copyOf(diffs));
    }

    private static boolean usable(Visit b1, Visit b2, Visit v) {
        return b1.features() != null && b2.features() != null && v.features() != null
                && !b1.blocked() && !b2.blocked();
    }

    private Finding finding(String kind, String url, String lead, String label, List<String> diffs, Baseline base,
                            Visit http, Visit rendered, SiteEvidence evidence) {
        List<Evidence> ev = new ArrayList<>();
        byte[] pair = SideBySide.compose(base.rendered1().screenshot(), "普通访问", rendered.screenshot(), label,
                rules.screenshotWidth(), rules.screenshotMaxHeight());
        ev.add(evidence.screenshot(kind + "-side-by-side", pair, url));
        ev.add(evidence.html(kind + "-normal", base.rendered1().html(), url));
        if (!rendered.html().isEmpty()) {
            ev.add(evidence.html(kind + "-variant", rendered.html(), url));
        }
        if (!http.html().isEmpty() && !http.html().equals(base.http1().html())) {
            ev.add(evidence.html(kind + "-variant-http", http.html(), url));
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("url", url);
        record.put("profile", label);
        record.put("differences", diffs);
        record.put("baselineHttp", List.of(base.http1().features(), base.http2().features()));
        record.put("baselineBrowser", List.of(base.rendered1().features(), base.rendered2().features()));
        record.put("variantHttp", http.features() == null ? Map.of("error", http.error()) : http.features());
        record.put("variantBrowser", rendered.features() == null ? Map.of("error", rendered.error())
                : rendered.features());
        ev.add(evidence.json("http", kind + "-comparison", record, url));
        // each capture on its own too, hashed in the manifest, so the console can show them side by side with
        // their labels and verify each one
        if (base.rendered1().screenshot() != null && base.rendered1().screenshot().length > 0) {
            ev.add(evidence.screenshot(kind + CAPTURE_NORMAL, base.rendered1().screenshot(), url));
        }
        if (rendered.screenshot() != null && rendered.screenshot().length > 0) {
            ev.add(evidence.screenshot(kind + CAPTURE_VARIANT, rendered.screenshot(), url));
        }
        return new Finding(INDICATOR, kind, Severity.VETO, url, lead + String.join("；", diffs), ev);
    }
}
