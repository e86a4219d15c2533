package cn.xunjian.search;

import static cn.xunjian.search.SiteSearchFixtures.TITLES;
import static cn.xunjian.search.SiteSearchFixtures.home;
import static cn.xunjian.search.SiteSearchFixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.browser.Target;
import cn.xunjian.check.Facts;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.internal.Json;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.FakeBrowser;
import cn.xunjian.testing.FakeScenarioPage;
import cn.xunjian.testing.FakeSite;
import cn.xunjian.testing.SiteContextBuilder;
import cn.xunjian.testing.StaticAuditPage;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site-search check's decisions on scripted home pages whose search works, finds nothing, fails or is missing. */
class SiteSearchCheckTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);
    private static final String ORIGIN = "http://127.0.0.1:8080";
    private static final SearchRules RULES = SearchRules.standard();

    @TempDir
    Path dir;

    private final FakeSite site = new FakeSite().script("\"anyInput\":true", p -> probe(p, true))
            .script("data-xunjian-search", p -> probe(p, false));
    private FakeBrowser browser;

    private static String query(String url, String name) {
        return SiteSearchFixtures.query(URI.create(url).getRawQuery(), name);
    }

    /** Scripts the page at {@code path} to show what {@code answer} makes of the URL it was opened with. */
    private void resultPage(String path, UnaryOperator<String> answer) {
        site.page(ORIGIN + path, page("")).onLoad(ORIGIN + path, p -> p.render(answer.apply(p.url())));
    }

    private Finding run(String path, String homeHtml, SearchRules rules) throws InterruptedException {
        String url = ORIGIN + path;
        site.page(url, homeHtml);
        browser = new FakeBrowser(site);
        SiteEvidence evidence = new SiteEvidence(new EvidenceStore(dir, CLOCK), "site-01");
        List<Finding> findings = new SiteSearchCheck(rules).run(SiteContextBuilder.of(SiteFile.of("某县人民政府", url),
                new StaticAuditPage(url, homeHtml), browser, evidence, null, CLOCK, new Facts()));
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).indicator()).isEqualTo("W-D3");
        assertThat(findings.get(0).evidence()).extracting(Evidence::type).contains("screenshot");
        return findings.get(0);
    }

    @Test
    void aHomePageWithoutASearchBoxIsMissingSearch() throws Exception {
        Finding f = run("/d/index.html", home(SiteSearchFixtures.NO_SEARCH_BOX), RULES);

        assertThat(f.kind()).isEqualTo("search.missing");
        assertThat(f.severity()).isEqualTo(Severity.DEDUCT);
        assertThat(f.url()).isEqualTo(ORIGIN + "/d/index.html");
        assertThat(f.message()).contains("首页未找到站内搜索框");
    }

    @Test
    void aServerSideSearchThatFindsTheNewestHomePageTitleWorks() throws Exception {
        resultPage("/a/search", url -> SiteSearchFixtures.serverResults(query(url, "searchword")));

        Finding f = run("/a/index.html", home(SiteSearchFixtures.SERVER_SEARCH), RULES);

        assertThat(f.kind()).isEqualTo("search.ok");
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message()).contains("站内搜索可用", TITLES.get(0));
        assertThat(f.url()).startsWith(ORIGIN + "/a/search?searchword=");
        FakeScenarioPage searched = browser.pages().get(0);
        assertThat(searched.submissions()).singleElement()
                .satisfies(s -> assertThat(s.fields()).containsEntry("searchword", TITLES.get(0)));
        assertThat(searched.actions()).extracting(FakeScenarioPage.Action::verb).containsExactly("goto", "fill", "press");
    }

    @Test
    void aSearchThatShowsResultsInPlaceWorksThoughTheTitleWasAlreadyOnThePage() throws Exception {
        String url = ORIGIN + "/b/index.html";
        site.onPress(url, Target.css("#kw"), "Enter", p -> {
            String q = p.value(Target.css("#kw")).strip();
            p.dom().getElementById("results").html("<h3>检索结果</h3>" + TITLES.stream().filter(t -> t.contains(q))
                    .map(t -> "<p>" + t + "</p>").collect(Collectors.joining()));
        });

        Finding f = run("/b/index.html", home(SiteSearchFixtures.IN_PLACE_SEARCH), RULES);

        assertThat(f.kind()).isEqualTo("search.ok");
        assertThat(f.url()).isEqualTo(url);
    }

    @Test
    void aSearchThatFindsNothingIsUselessEvenThoughItEchoesTheQuery() throws Exception {
        resultPage("/c/search", url -> SiteSearchFixtures.nothingFound(query(url, "q")));

        Finding f = run("/c/index.html", home(SiteSearchFixtures.NOTHING_FOUND_SEARCH), RULES);

        assertThat(f.kind()).isEqualTo("search.useless");
        assertThat(f.severity()).isEqualTo(Severity.DEDUCT);
        assertThat(f.message()).contains(TITLES.get(0), "搜索没有结果", "没有找到");
        assertThat(f.evidence()).extracting(Evidence::type).containsExactly("screenshot", "html");
    }

    @Test
    void aSearchLeadingToAnErrorPageIsUseless() throws Exception {
        Finding f = run("/f/index.html", home(SiteSearchFixtures.ERROR_SEARCH), RULES);

        assertThat(f.kind()).isEqualTo("search.useless");
        assertThat(f.message()).contains("搜索结果页出错", "HTTP 404");
    }

    @Test
    void aSearchButtonThatDoesNothingIsUselessThoughTheTitleStaysOnTheHomePage() throws Exception {
        SearchRules quick = new SearchRules(RULES.source(), RULES.fieldHints(), RULES.actionHints(),
                RULES.buttonHints(), RULES.linkTexts(), RULES.linkUrlHints(), RULES.maxSearchPages(), RULES.itemSelector(), RULES.datePattern(), RULES.minTitleChars(),
                RULES.prefixChars(), RULES.excludeTitleKeywords(), RULES.noResultPhrases(), RULES.errorPhrases(),
                new SearchRules.Timeouts(RULES.timeouts().pageMs(), RULES.timeouts().actionMs(), 200));

        Finding f = run("/e/index.html", home(SiteSearchFixtures.DEAD_BUTTON_SEARCH), quick);

        assertThat(f.kind()).isEqualTo("search.useless");
        assertThat(f.message()).contains("没有任何反应");
        assertThat(browser.pages().get(0).actions()).extracting(FakeScenarioPage.Action::verb)
                .containsExactly("goto", "fill", "press", "click");
    }

    @Test
    void aHomePageWithoutABoxThatLinksASearchPageIsSearchedOnThatPage() throws Exception {
        site.page(ORIGIN + "/g/so/index.html", SiteSearchFixtures.MOE_SEARCH_PAGE);
        resultPage("/g/s", url -> SiteSearchFixtures.serverResults(query(url, "qt")));

        Finding f = run("/g/index.html", home(SiteSearchFixtures.SEARCH_PAGE_LINK), RULES);

        assertThat(f.kind()).as(f.message()).isEqualTo("search.ok");
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.url()).startsWith(ORIGIN + "/g/s?");
        assertThat(f.message()).contains("站内搜索可用", "首页“搜索”链接打开的站内搜索页面", TITLES.get(0));
        FakeScenarioPage searched = browser.pages().get(0);
        assertThat(searched.visited()).startsWith(ORIGIN + "/g/index.html", ORIGIN + "/g/so/index.html");
        assertThat(searched.submissions()).singleElement().satisfies(s -> assertThat(s.fields())
                .containsEntry("qt", TITLES.get(0)).containsEntry("siteCode", "bm05000001"));
    }

    @Test
    void aLinkedSearchPageOutsideTheNetworkScopeIsNeverOpenedAndTheSearchIsUnverified() throws Exception {
        Finding f = run("/h/index.html", home(SiteSearchFixtures.FOREIGN_SEARCH_LINK), RULES);

        assertThat(f.kind()).isEqualTo("search.unverified");
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(f.url()).isEqualTo("https://so.moe.gov.cn/");
        assertThat(f.message()).contains("链接了站内搜索页面 https://so.moe.gov.cn/", "不在允许访问的网络范围内");
        assertThat(browser.pages().get(0).actions()).extracting(FakeScenarioPage.Action::value)
                .containsExactly(ORIGIN + "/h/index.html");
    }

    @Test
    void aLinkedPageWithoutASearchBoxLeavesTheSearchMissing() throws Exception {
        site.page(ORIGIN + "/i/search.html", page("<p>全文检索功能升级中，敬请期待</p>"));

        Finding f = run("/i/index.html", home(SiteSearchFixtures.LINK_TO_PAGE_WITHOUT_BOX), RULES);

        assertThat(f.kind()).isEqualTo("search.missing");
        assertThat(f.severity()).isEqualTo(Severity.DEDUCT);
        assertThat(f.url()).isEqualTo(ORIGIN + "/i/index.html");
        assertThat(f.message()).contains(ORIGIN + "/i/search.html", "中也没有搜索框");
    }

    @Test
    void aLinkedSearchPageThatDoesNotOpenMakesTheSearchUseless() throws Exception {
        Finding f = run("/j/index.html", home("<a href=\"/j/search.html\">站内搜索</a>"), RULES);

        assertThat(f.kind()).isEqualTo("search.useless");
        assertThat(f.message()).contains("站内搜索页面打不开", ORIGIN + "/j/search.html", "HTTP 404");
    }

    /**
     * What {@code search-probe.js} reports, by its rules: the search box (a visible enabled text input of type
     * search, else one whose name, id or placeholder says so, else one in a form whose action does, else — on a
     * linked search page — any visible text input, one in a form first) and the button next to it, both marked with
     * {@code data-xunjian-search}.
     */
    private static String probe(FakeScenarioPage page, boolean searchPage) {
        List<Element> inputs = page.dom().select("input").stream()
                .filter(i -> List.of("", "text", "search").contains(i.attr("type").toLowerCase(Locale.ROOT)))
                .filter(FakeScenarioPage::visible).filter(i -> !i.hasAttr("disabled")).toList();
        String how = "input[type=search]";
        Optional<Element> box = inputs.stream().filter(i -> i.attr("type").equalsIgnoreCase("search")).findFirst();
        if (box.isEmpty()) {
            how = "name/placeholder";
            box = inputs.stream().filter(i -> hit(String.join(" ", i.attr("name"), i.id(), i.attr("placeholder"),
                    i.attr("title"), i.attr("aria-label")), RULES.fieldHints())).findFirst();
        }
        if (box.isEmpty()) {
            how = "form action";
            box = inputs.stream().filter(i -> i.closest("form") != null
                    && hit(i.closest("form").attr("action"), RULES.actionHints())).findFirst();
        }
        if (box.isEmpty() && searchPage) {
            how = "search page";
            box = inputs.stream().filter(i -> i.closest("form") != null).findFirst()
                    .or(() -> inputs.stream().findFirst());
        }
        ObjectNode out = Json.mapper().createObjectNode();
        if (box.isEmpty()) {
            return out.put("found", false).toString();
        }
        Element input = box.get();
        input.attr("data-xunjian-search", "input");
        Element form = input.closest("form");
        Element scope = form != null ? form : Optional.ofNullable(input.closest("div, td, li, p, section, header, nav"))
                .orElse(page.dom().body());
        List<Element> candidates = scope.select("button, input[type=submit], input[type=button], input[type=image], "
                + "a, span, img, i").stream().filter(b -> b != input).filter(FakeScenarioPage::visible).toList();
        Optional<Element> button = candidates.stream().filter(b -> hit(String.join(" ", FakeScenarioPage.visibleText(b),
                b.attr("value"), b.attr("title"), b.attr("alt"), b.attr("aria-label"), b.className(), b.id()),
                RULES.buttonHints())).findFirst();
        if (button.isEmpty() && form != null) {
            button = candidates.stream().filter(b -> b.is("button, input[type=submit], input[type=image]")).findFirst();
        }
        button.ifPresent(b -> b.attr("data-xunjian-search", "button"));
        return out.put("found", true).put("how", how).put("button", button.isPresent()).toString();
    }

    private static boolean hit(String s, List<String> hints) {
        String lower = s.toLowerCase(Locale.ROOT);
        return hints.stream().anyMatch(h -> lower.contains(h.toLowerCase(Locale.ROOT)));
    }
}
