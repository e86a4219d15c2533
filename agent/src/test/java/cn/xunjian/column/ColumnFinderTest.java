package cn.xunjian.column;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.xunjian.model.SitePage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnFinderTest {
    private final ColumnRules rules = ColumnRules.standard();
    private final ColumnFinder finder = new ColumnFinder(rules,
            new ListPageReader(rules, new DateExtractor(rules, DateExtractorTest.CLOCK)));

    private static final String HOME = """
            <html><body>
            <div class="nav"><ul>
              <li><a href="/">首页</a></li>
              <li><a href="/xwzx/">新闻中心</a>
                <ul><li><a href="/xwzx/gzdt/">工作动态</a></li><li><a href="/xwzx/bmdt/">部门动态</a></li></ul></li>
              <li><a href="/zcwj/">政策文件</a></li>
              <li><a href="https://www.zjzwfw.gov.cn/">办事服务</a></li>
            </ul></div>
            <div class="block"><h2>通知公告 <a class="more" href="/tzgg/">更多&gt;&gt;</a></h2>
              <ul><li><a href="/tzgg/1.html">关于某事的通知</a><span>2026-11-20</span></li></ul></div>
            <div class="block"><div class="title"><span>人事信息</span><a href="/rsxx/">more</a></div></div>
            <p><a href="/attach/plan.pdf">2026年计划</a> <a href="/sitemap.html">网站地图</a></p>
            </body></html>
            """;

    private static final String SITEMAP = """
            <html><body><div class="map">
              <h3><a href="/xxgk/">政务公开</a></h3>
              <ul><li><a href="/xxgk/ghjh/">规划计划</a></li><li><a href="/xxgk/jgsz/">机构设置</a></li></ul>
              <h3>互动交流</h3>
              <ul><li><a href="/hdjl/zxft/">在线访谈</a></li></ul>
            </div></body></html>
            """;

    private List<Column> find(MapPages pages) {
        return finder.find(new SitePage(MapPages.ORIGIN + "/", HOME, 0), pages);
    }

    @Test
    void findsTopLevelNavigationColumnsAndTheirNestedSubColumns() {
        List<Column> columns = find(new MapPages());
        assertThat(columns).extracting(Column::name, Column::parent, Column::source).contains(
                tuple("新闻中心", null, Column.Source.NAV),
                tuple("工作动态", "新闻中心", Column.Source.NAV),
                tuple("部门动态", "新闻中心", Column.Source.NAV),
                tuple("政策文件", null, Column.Source.NAV));
    }

    @Test
    void namesMoreLinksByTheHeadingOfTheirBlock() {
        assertThat(find(new MapPages())).extracting(Column::name, Column::url, Column::source).contains(
                tuple("通知公告", MapPages.ORIGIN + "/tzgg/", Column.Source.MORE_LINK),
                tuple("人事信息", MapPages.ORIGIN + "/rsxx/", Column.Source.MORE_LINK));
    }

    @Test
    void leavesOutTheHomePageOtherSitesAndAttachments() {
        assertThat(find(new MapPages())).extracting(Column::name)
                .doesNotContain("首页", "办事服务", "2026年计划", "网站地图", "关于某事的通知");
    }

    @Test
    void aSearchPageLinkedFromTheNavigationIsNoColumn() {
        // the navigation of a site whose 站内搜索 is a page of its own (issue 10): its list is empty until one searches
        String home = HOME.replace("<li><a href=\"/zcwj/\">政策文件</a></li>", "<li><a href=\"/zcwj/\">政策文件</a></li>"
                + "<li><a href=\"/so/index.html\" id=\"m_search\">站内搜索</a></li><li><a href=\"/jsearch/\">全文检索</a></li>");
        assertThat(home).contains("站内搜索");
        assertThat(finder.find(new SitePage(MapPages.ORIGIN + "/", home, 0), new MapPages())).extracting(Column::name)
                .contains("政策文件").doesNotContain("站内搜索", "全文检索");
    }

    @Test
    void readsTheSitemapWithLinksUnderAHeadingAsItsSubColumns() {
        List<Column> columns = find(new MapPages().page("/sitemap.html", SITEMAP));
        assertThat(columns).extracting(Column::name, Column::parent, Column::source).contains(
                tuple("政务公开", null, Column.Source.SITEMAP),
                tuple("规划计划", "政务公开", Column.Source.SITEMAP),
                tuple("机构设置", "政务公开", Column.Source.SITEMAP),
                tuple("在线访谈", "互动交流", Column.Source.SITEMAP));
    }

    @Test
    void takesTheBlocksOfAChannelPageAsSubColumnsButNotTheEntriesOfAListPage() {
        MapPages pages = new MapPages()
                .page("/xwzx/", "<html><body><div class=\"box\"><h3>区县动态</h3><a href=\"/xwzx/qxdt/\">更多</a></div></body></html>")
                .page("/zcwj/", MapPages.list("政策文件", MapPages.item("/zcwj/a.html", "文件一", "2026-10-01"),
                        MapPages.item("/zcwj/b.html", "文件二", "2026-09-01"),
                        MapPages.item("/zcwj/c.html", "文件三", "2026-08-01")));
        List<Column> columns = find(pages);
        assertThat(columns).extracting(Column::name, Column::parent, Column::source)
                .contains(tuple("区县动态", "新闻中心", Column.Source.CHANNEL_PAGE));
        assertThat(columns).extracting(Column::name).doesNotContain("文件一");
    }

    @Test
    void listsEachUrlOnceKeepingTheNavigationName() {
        String home = HOME.replace("<p>", "<div><h2>今日新闻</h2><a href=\"/xwzx/\">更多</a></div><p>");
        List<Column> columns = finder.find(new SitePage(MapPages.ORIGIN + "/", home, 0), new MapPages());
        assertThat(columns).filteredOn(c -> c.url().equals(MapPages.ORIGIN + "/xwzx/"))
                .extracting(Column::name).containsExactly("新闻中心");
    }
}
