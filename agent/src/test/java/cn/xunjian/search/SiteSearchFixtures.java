package cn.xunjian.search;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fixture sites of the site-search tests, shared by {@code SiteSearchCheckTest} (scripted pages on the fake
 * browser) and {@code SiteSearchIT} (served to real Chromium): a county home page with today's news titles and a
 * search box of one kind per site, and the result pages its search answers with.
 */
final class SiteSearchFixtures {
    /** The news titles on the home page, newest first; the check searches for the first. */
    static final List<String> TITLES = List.of("县政府召开第38次常务会议研究冬季安全生产",
            "我县部署开展冬季安全生产大检查", "临江县数字政府建设再获省级表彰");

    /** Site a: a server-side search form (GET {@code /a/search?searchword=…}). */
    static final String SERVER_SEARCH = """
            <form action="/a/search" method="get"><input name="searchword" placeholder="请输入关键词">
            <button type="submit">搜索</button></form>""";
    /** Site b: a search field whose results appear in place on Enter (by a script, or the fake's stand-in). */
    static final String IN_PLACE_SEARCH = "<input type=\"search\" id=\"kw\"><div id=\"results\"></div>";
    /** Site c: a search form whose result page only echoes the query and finds nothing. */
    static final String NOTHING_FOUND_SEARCH = """
            <form action="/c/search"><input name="q" placeholder="站内检索"><input type="submit" value="检索"></form>""";
    /** Site d: no search box at all. */
    static final String NO_SEARCH_BOX = "<span>欢迎访问</span>";
    /** Site e: a search field whose button does nothing. */
    static final String DEAD_BUTTON_SEARCH = """
            <div class="search"><input type="text" name="keyword" placeholder="搜索">
            <span class="btn-search" onclick="void 0">搜索</span></div>""";
    /** Site f: a search form posting to a page that does not exist. */
    static final String ERROR_SEARCH = """
            <form action="/f/cgi-bin/search.do"><input name="query"><button>搜索</button></form>""";

    /**
     * Site g: no box on the home page, only the header's 搜索 link to the search page (as the Ministry of Education
     * links {@code so.moe.gov.cn}: {@code <a id="m_search" href="https://so.moe.gov.cn/">搜索</a>}, from the copy
     * of www.moe.gov.cn in mhxqwer/wjmoe.gov.cn, index.html), here on 127.0.0.1.
     */
    static final String SEARCH_PAGE_LINK = "<a id=\"m_search\" href=\"/g/so/index.html\">搜索</a>";
    /** Site h: the same link to the real search host, outside the tests' network scope. */
    static final String FOREIGN_SEARCH_LINK = "<a id=\"m_search\" href=\"https://so.moe.gov.cn/\">搜索</a>";
    /** Site i: a 全文检索 link to a page that has no search box. */
    static final String LINK_TO_PAGE_WITHOUT_BOX = "<a href=\"/i/search.html\">全文检索</a>";

    /**
     * Site g's search page: the form of www.moe.gov.cn (mhxqwer/wjmoe.gov.cn, index.html) — a single text field
     * {@code qt} that no hint names, hidden site code and tab, a 搜索 button — posting to {@code /g/s} on 127.0.0.1
     * instead of {@code https://so.moe.gov.cn/s}.
     */
    static final String MOE_SEARCH_PAGE = page("""
            <form action="/g/s" method="get" name="searchform" id="searchform">
            <div id="moe_index_search" class="scy-js-sou"><input type="hidden" name="siteCode" value="bm05000001" />\
            <input type="hidden" name="tab" value="all" /><span><input name="qt" type="text" id="qt" /></span>\
            <button type="submit" id="search-button"><strong class="pchide btn-text">搜索</strong></button></div>
            </form>""");

    private SiteSearchFixtures() {
    }

    /** The home page with {@code searchBox} at its top, the {@link #TITLES} and an attachment link. */
    static String home(String searchBox) {
        String items = TITLES.stream().map(t -> "<li><a href=\"/news/1.html\">" + t + "</a><span>2026-11-20</span></li>")
                .collect(Collectors.joining());
        return "<html><head><meta charset=\"utf-8\"><title>某县人民政府</title></head><body>"
                + "<div class=\"top\">" + searchBox + "</div><ul class=\"nav\"><li><a href=\"/\">首页</a></li></ul>"
                + "<h2>今日要闻</h2><ul class=\"news\">" + items + "</ul>"
                + "<ul><li><a href=\"/attach/plan.pdf\">2026年工作计划全文（PDF）下载</a></li></ul></body></html>";
    }

    /** A result page with {@code body}. */
    static String page(String body) {
        return "<html><head><meta charset=\"utf-8\"><title>检索结果</title></head><body>" + body + "</body></html>";
    }

    /** Site a's result page for {@code q}: the titles that contain it, the query emphasised, or 没有找到. */
    static String serverResults(String q) {
        List<String> hits = TITLES.stream().filter(t -> !q.isBlank() && t.contains(q)).toList();
        return page(hits.isEmpty() ? "<p>没有找到相关结果</p>" : "<p>共" + hits.size() + "条</p><ol>"
                + hits.stream().map(h -> "<li><a href=\"/news/1.html\">" + h.replace(q, "<em>" + q + "</em>")
                + "</a> 2026-11-20</li>").collect(Collectors.joining()) + "</ol>");
    }

    /** Site c's result page for {@code q}: the query echoed, and nothing found. */
    static String nothingFound(String q) {
        return page("<p>您检索的内容：“" + q + "”</p><p>抱歉，没有找到相关结果</p>");
    }

    /** The decoded value of parameter {@code name} in a raw query string ({@code null}: none), or empty. */
    static String query(String rawQuery, String name) {
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
