package cn.xunjian.search;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.PageActionException;
import cn.xunjian.browser.ScenarioPage;
import cn.xunjian.browser.Target;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.check.SiteCheck;
import cn.xunjian.check.SiteContext;
import cn.xunjian.model.Evidence;
import cn.xunjian.internal.Json;
import cn.xunjian.scenario.BrowserPages;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * W-D3: does the site search find a known recent title? Finds the search box on the home page
 * ({@code input[type=search]}, an input whose name or placeholder says 搜索/检索/关键词, or the text input of a form
 * whose action says search); when there is none, a home-page link to a search page (站内搜索, 全文检索,
 * {@code search.html}, a {@code so.} host…) counts as the search function and its page is searched instead (never
 * opened outside the network scope). It takes a title from the home page's news list, types it, presses Enter (and clicks
 * the 搜索 button when Enter did nothing), waits for the results and looks for the title (or its first
 * {@code prefixChars} characters) among them. On a page that shows results in place, the title must appear more
 * often than before the search, since the home page's own list already shows it once.
 *
 * <p>Kinds: {@code search.missing} (deduct: no search box, neither on the home page nor on a linked search page),
 * {@code search.useless} (deduct: no results, an error page, results without the title, or a linked search page
 * that does not open), {@code search.ok} (info), {@code search.unverified} (warn: no title to try, or the linked
 * search page is outside the network scope).
 * Every finding carries a screenshot (of the results, or of the home page when there is no box).
 */
public final class SiteSearchCheck implements SiteCheck {
    public static final String INDICATOR = "W-D3";
    private static final Logger LOG = LoggerFactory.getLogger(SiteSearchCheck.class);
    private static final long POLL_MS = 200;
    private static final String BOX = "[data-xunjian-search=input]";
    private static final String BUTTON = "[data-xunjian-search=button]";

    private final SearchRules rules;
    private final SearchTitles titles;

    public SiteSearchCheck() {
        this(SearchRules.standard());
    }

    public SiteSearchCheck(SearchRules rules) {
        this.rules = rules;
        this.titles = new SearchTitles(rules);
    }

    @Override
    public String name() {
        return "search";
    }

    @Override
    public String indicator() {
        return INDICATOR;
    }

    @Override
    public List<Finding> run(SiteContext context) throws InterruptedException {
        try (BrowserPages pages = new BrowserPages(context.browser())) {
            return List.of(new Attempt(context, pages.open(DeviceProfile.DESKTOP)).run());
        }
    }

    /** One search on one site. */
    private final class Attempt {
        private final SiteContext context;
        private final ScenarioPage page;
        private final List<Evidence> evidence = new ArrayList<>();

        Attempt(SiteContext context, ScenarioPage page) {
            this.context = context;
            this.page = page;
        }

        Finding run() throws InterruptedException {
            String home = context.home().url();
            try {
                page.navigate(home, rules.timeouts().page());
            } catch (PageActionException e) {
                return finding("search.unverified", Severity.WARN, home, "无法打开首页以检测站内搜索：" + e.getMessage());
            }
            page.settle(rules.timeouts().action());
            Optional<JsonNode> probe = probe(false);
            List<String> candidates = titles.pick(page.html(), page.url());
            if (probe.isEmpty() || !probe.get().path("found").asBoolean(false)) {
                List<SearchLinks.Link> links = SearchLinks.find(page.html(), page.url(), rules);
                if (links.isEmpty()) {
                    shot("search-missing");
                    return finding("search.missing", Severity.DEDUCT, home,
                            "首页未找到站内搜索框（搜索、检索或关键词输入框），网站不提供站内搜索功能");
                }
                return onSearchPage(links, candidates);
            }
            if (candidates.isEmpty()) {
                shot("search-no-title");
                return finding("search.unverified", Severity.WARN, home,
                        "找到站内搜索框，但首页没有可用来检索的信息标题（至少 " + rules.minTitleChars() + " 个字），未能验证搜索是否可用");
            }
            return search(candidates.get(0), probe.get().path("button").asBoolean(false), "");
        }

        /**
         * The home page has no box but links a search page: the first linked page with a box is where the search
         * is tested. A page outside the network scope is never opened; then the search could not be verified.
         */
        private Finding onSearchPage(List<SearchLinks.Link> links, List<String> candidates)
                throws InterruptedException {
            String home = context.home().url();
            List<String> outOfScope = new ArrayList<>();
            List<String> noBox = new ArrayList<>();
            List<String> unopened = new ArrayList<>();
            for (SearchLinks.Link link : links.stream().limit(Math.max(rules.maxSearchPages(), 1)).toList()) {
                String via = "首页“" + link.text() + "”链接打开的站内搜索页面";
                if (!context.scope().allows(link.url())) {
                    outOfScope.add(link.url());
                    continue;
                }
                try {
                    int status = page.navigate(link.url(), rules.timeouts().page());
                    if (status >= 400) {
                        unopened.add(link.url() + "（HTTP " + status + "）");
                        shot("search-page-failed");
                        continue;
                    }
                } catch (PageActionException e) {
                    unopened.add(link.url() + "（" + e.getMessage() + "）");
                    shot("search-page-failed");
                    continue;
                }
                page.settle(rules.timeouts().action());
                Optional<JsonNode> probe = probe(true);
                if (probe.isEmpty() || !probe.get().path("found").asBoolean(false)) {
                    noBox.add(page.url());
                    shot("search-page-no-box");
                    continue;
                }
                if (candidates.isEmpty()) {
                    shot("search-no-title");
                    return finding("search.unverified", Severity.WARN, page.url(), "找到" + via + "，但首页没有可用来检索的信息标题（至少 "
                            + rules.minTitleChars() + " 个字），未能验证搜索是否可用");
                }
                return search(candidates.get(0), probe.get().path("button").asBoolean(false), via);
            }
            if (!outOfScope.isEmpty()) {
                if (evidence.isEmpty()) {
                    shot("search-link");
                }
                return finding("search.unverified", Severity.WARN, outOfScope.get(0), "首页没有站内搜索框，但链接了站内搜索页面 "
                        + String.join("、", outOfScope) + "，该页面不在允许访问的网络范围内，未能验证搜索是否可用");
            }
            if (!noBox.isEmpty()) {
                return finding("search.missing", Severity.DEDUCT, home, "首页未找到站内搜索框，首页链接的搜索页面 "
                        + String.join("、", noBox) + " 中也没有搜索框，网站不提供可用的站内搜索功能");
            }
            return finding("search.useless", Severity.DEDUCT, home, "站内搜索无法使用：首页链接的站内搜索页面打不开："
                    + String.join("；", unopened));
        }

        /** Searches for {@code title} in the box found on the current page; {@code via} names a linked search page. */
        private Finding search(String title, boolean hasButton, String via) throws InterruptedException {
            String needle = title.substring(0, title.offsetByCodePoints(0,
                    Math.min(title.codePointCount(0, title.length()), Math.max(rules.prefixChars(), 1))));
            String beforeUrl = page.url();
            String beforeText = page.bodyText();
            int beforeFailures = page.failedResponses().size();
            try {
                page.fill(Target.css(BOX), title, false, rules.timeouts().action());
                page.press(Target.css(BOX), "Enter", rules.timeouts().action());
                page.settle(rules.timeouts().action());
                if (hasButton && page.url().equals(beforeUrl) && !changed(beforeText)) {
                    page.click(Target.css(BUTTON), rules.timeouts().action());
                    page.settle(rules.timeouts().action());
                }
            } catch (PageActionException e) {
                shot("search-failed");
                return finding("search.useless", Severity.DEDUCT, page.url(), "站内搜索无法使用：" + (via.isEmpty() ? "" : via)
                        + e.getMessage());
            }
            long deadline = System.nanoTime() + rules.timeouts().results().toNanos();
            int before = occurrences(beforeText, needle);
            String text = page.bodyText();
            while (true) {
                // A results page often echoes the query ("搜索“…”共0条"): a no-result or error text decides first.
                if (newPhrase(text, beforeText, rules.noResultPhrases()).isPresent()
                        || newPhrase(text, beforeText, rules.errorPhrases()).isPresent()
                        || page.failedResponses().size() > beforeFailures) {
                    break;
                }
                boolean navigated = !page.url().equals(beforeUrl);
                int now = occurrences(text, needle);
                if (navigated ? now > 0 : now > before) {
                    shot("search-results");
                    return finding("search.ok", Severity.INFO, page.url(), "站内搜索可用：" + (via.isEmpty() ? "" : "在" + via)
                            + "检索首页信息“" + title + "”，结果中找到该信息");
                }
                if (System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(POLL_MS);
                text = page.bodyText();
            }
            shot("search-results");
            dom("search-results");
            List<String> failed = page.failedResponses();
            String why;
            if (failed.size() > beforeFailures) {
                why = "搜索结果页出错（HTTP " + failed.get(failed.size() - 1) + "）";
            } else if (newPhrase(text, beforeText, rules.errorPhrases()).isPresent()) {
                why = "搜索结果页出错（页面提示“" + newPhrase(text, beforeText, rules.errorPhrases()).get() + "”）";
            } else if (newPhrase(text, beforeText, rules.noResultPhrases()).isPresent()) {
                why = "搜索没有结果（页面提示“" + newPhrase(text, beforeText, rules.noResultPhrases()).get() + "”）";
            } else if (page.url().equals(beforeUrl) && !changed(beforeText)) {
                why = "提交搜索后页面没有任何反应";
            } else {
                why = "搜索结果中没有该信息";
            }
            return finding("search.useless", Severity.DEDUCT, page.url(),
                    "站内搜索不好用：" + (via.isEmpty() ? "" : "在" + via) + "检索首页信息“" + title + "”，" + why);
        }

        private boolean changed(String before) {
            return !Objects.equals(page.bodyText(), before);
        }

        private Optional<JsonNode> probe(boolean searchPage) {
            try {
                return Optional.of(Json.mapper().readTree(page.auditPage().evaluateJson(rules.probeScript(searchPage))));
            } catch (IOException | RuntimeException e) {
                LOG.debug("search probe failed on {}: {}", page.url(), e.toString());
                return Optional.empty();
            }
        }

        private Finding finding(String kind, Severity severity, String url, String message) {
            return new Finding(INDICATOR, kind, severity, url, message, evidence);
        }

        private void shot(String name) {
            try {
                evidence.add(context.evidence().screenshot(name, page.screenshot(), page.url()));
            } catch (RuntimeException e) {
                LOG.debug("no screenshot {}: {}", name, e.toString());
            }
        }

        private void dom(String name) {
            String html = page.html();
            if (!html.isEmpty()) {
                evidence.add(context.evidence().html(name, html, page.url()));
            }
        }
    }

    private static Optional<String> newPhrase(String text, String before, List<String> phrases) {
        return phrases.stream().filter(p -> text.contains(p) && !before.contains(p)).findFirst();
    }

    static int occurrences(String text, String needle) {
        if (needle.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
