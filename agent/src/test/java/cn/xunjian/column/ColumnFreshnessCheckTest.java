package cn.xunjian.column;

import static cn.xunjian.column.MapPages.item;
import static cn.xunjian.column.MapPages.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.xunjian.check.Renderer;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.model.SitePage;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.testing.StaticAuditPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnFreshnessCheckTest {
    @TempDir
    Path dir;

    private final ColumnFreshnessCheck check = new ColumnFreshnessCheck();
    private final List<String> rendered = new ArrayList<>();

    /** A home page with a fresh dated block and a nav entry for each column. */
    private static String home(String... navEntries) {
        return "<html><body><div class=\"nav\"><ul>" + String.join("", navEntries) + "</ul></div>"
                + "<div class=\"block\"><h2>要闻</h2><ul>" + item("/news/1.html", "县政府召开常务会议", "2026-11-20")
                + "</ul></div></body></html>";
    }

    private static String nav(String path, String name) {
        return "<li><a href=\"" + path + "\">" + name + "</a></li>";
    }

    private List<Finding> audit(String homeHtml, MapPages pages) {
        return audit(homeHtml, pages, url -> Optional.of(new StaticAuditPage(url,
                pages.served(url).orElse("<html></html>"))));
    }

    /** Audits with pages rendered by {@code browser}: what a script makes of a page, or nothing. */
    private List<Finding> audit(String homeHtml, MapPages pages, Renderer browser) {
        SiteEvidence evidence = new SiteEvidence(new EvidenceStore(dir, DateExtractorTest.CLOCK), "site-01");
        return check.audit(new SitePage(MapPages.ORIGIN + "/", homeHtml, 0), pages, url -> {
            rendered.add(url);
            return browser.render(url);
        }, evidence, DateExtractorTest.CLOCK);
    }

    /** A browser that shows {@code html} at {@code path} (what the page's scripts built) and the rest as served. */
    private static Renderer rendering(MapPages pages, String path, String html) {
        return url -> Optional.of(new StaticAuditPage(url, url.equals(MapPages.ORIGIN + path) ? html
                : pages.served(url).orElse("<html></html>")));
    }

    private List<Finding> auditOne(String name, String listHtml) {
        return audit(home(nav("/col/", name)), new MapPages().page("/col/", listHtml));
    }

    @Test
    void aNewsColumnUpdatedWithinTwoWeeksHasNoFinding() {
        assertThat(auditOne("工作动态", list("工作动态", item("/col/2026/1118-1.html", "一", "2026-11-18"),
                item("/col/2026/1001-1.html", "二", "2026-10-01")))).isEmpty();
    }

    @Test
    void aNewsColumnThirtyFourDaysOldIsAStaleColumnTowardTheColumnVeto() {
        List<Finding> findings = auditOne("工作动态", list("工作动态",
                item("/col/a.html", "一", "2026-10-20"), item("/col/b.html", "二", "2026-10-02")));
        assertThat(findings).extracting(Finding::indicator, Finding::kind, Finding::severity, Finding::url)
                .containsExactly(tuple("W-V4", "column.stale", Severity.WARN, MapPages.ORIGIN + "/col/"));
        assertThat(findings.get(0).message())
                .isEqualTo("栏目“工作动态”（动态要闻类）最近更新 2026-10-20，已 34 天未更新，超过 14 天");
    }

    @Test
    void aStaleColumnCarriesAScreenshotOfItsListAndTheDatesRead() throws Exception {
        Finding finding = auditOne("工作动态", list("工作动态", item("/col/a.html", "一", "2026-10-20"))).get(0);
        assertThat(rendered).containsExactly(MapPages.ORIGIN + "/col/");
        assertThat(finding.evidence()).extracting(e -> e.type()).containsExactly("screenshot", "http");
        String dates = Files.readString(dir.resolve(finding.evidence().get(1).path()), StandardCharsets.UTF_8);
        assertThat(dates).contains("\"newest\" : \"2026-10-20\"", "\"ageDays\" : 34", "动态要闻类");
    }

    @Test
    void aTopLevelNoticeColumnSevenMonthsOldIsStale() {
        List<Finding> findings = auditOne("通知公告", list("通知公告", item("/col/a.html", "一", "2026-04-20")));
        assertThat(findings).extracting(Finding::indicator, Finding::kind).containsExactly(tuple("W-V4", "column.stale"));
        assertThat(findings.get(0).message()).contains("通知公告类", "2026-04-20", "217 天", "6 个月");
    }

    @Test
    void aPolicyColumnFourMonthsOldIsFresh() {
        assertThat(auditOne("政策文件", list("政策文件", item("/col/a.html", "一", "2026-07-20")))).isEmpty();
    }

    @Test
    void aStalePolicyColumnAlsoLosesFivePointsUnderWD7() {
        List<Finding> findings = auditOne("政策文件", list("政策文件", item("/col/a.html", "一", "2026-03-01")));
        assertThat(findings).extracting(Finding::indicator, Finding::kind, Finding::severity).containsExactly(
                tuple("W-V4", "column.stale", Severity.WARN), tuple("W-D7", "column.policy.stale", Severity.DEDUCT));
    }

    @Test
    void aColumnSayingNoInformationIsBlank() {
        List<Finding> findings = auditOne("人事信息", list("人事信息") .replace("</ul>", "</ul><p>暂无信息</p>"));
        assertThat(findings).extracting(Finding::indicator, Finding::kind, Finding::severity)
                .containsExactly(tuple("W-V4", "column.blank", Severity.WARN));
        assertThat(findings.get(0).message()).contains("人事信息", "暂无信息");
    }

    @Test
    void aColumnWithAnEmptyListIsBlank() {
        assertThat(auditOne("领导信息", list("领导信息"))).extracting(Finding::kind).containsExactly("column.blank");
    }

    @Test
    void aColumnOfNoFreshnessClassNeverFiresHoweverOld() {
        assertThat(auditOne("机构设置", list("机构设置", item("/col/a.html", "县政府办公室职能", "2019-01-05"))))
                .isEmpty();
    }

    @Test
    void anItemListedMonthsBeforeTheDateInItsUrlIsABackdatingCandidate() {
        List<Finding> findings = auditOne("工作动态", list("工作动态",
                item("/col/2026/1120-1.html", "一", "2026-11-20"),
                item("/col/2026/1110-2.html", "补发的会议纪要", "2026-01-05")));
        assertThat(findings).extracting(Finding::indicator, Finding::kind, Finding::severity, Finding::url)
                .containsExactly(tuple("W-V1", "column.backdated", Severity.WARN,
                        MapPages.ORIGIN + "/col/2026/1110-2.html"));
        assertThat(findings.get(0).message()).contains("补发的会议纪要", "2026-01-05", "2026-11-10");
    }

    @Test
    void aGbkListPageDecodedByThePageSourceIsReadLikeAnyOther() {
        String gbk = "<html><head><meta charset=\"gb2312\"></head><body><ul>"
                + "<li><a href=\"/col/a.html\">部门动态一</a>（2026年10月1日）</li></ul></body></html>";
        assertThat(auditOne("部门动态", gbk)).extracting(Finding::message)
                .containsExactly("栏目“部门动态”（动态要闻类）最近更新 2026-10-01，已 53 天未更新，超过 14 天");
    }

    @Test
    void anUndatedListIsDatedByItsFirstDetailPage() {
        MapPages pages = new MapPages()
                .page("/col/", list("工作动态", "<li><a href=\"/col/a.html\">无日期的标题</a></li>"))
                .page("/col/a.html", "<html><head><meta name=\"PubDate\" content=\"2026-11-21 10:00\"></head></html>");
        assertThat(audit(home(nav("/col/", "工作动态")), pages)).isEmpty();
        assertThat(pages.fetched).contains(MapPages.ORIGIN + "/col/a.html");
    }

    @Test
    void aListWithoutDatesAnywhereCountsAsNotUpdated() {
        List<Finding> findings = auditOne("工作动态", list("工作动态", "<li><a href=\"/col/a.html\">无日期</a></li>"));
        assertThat(findings).extracting(Finding::kind).containsExactly("column.stale");
        assertThat(findings.get(0).message()).contains("未找到注明发布日期的信息");
    }

    @Test
    void aColumnOnAnotherSiteIsNotJudged() {
        String homeHtml = home("<li><a href=\"http://other.example.gov.cn/dt/\">工作动态</a></li>");
        assertThat(audit(homeHtml, new MapPages())).isEmpty();
    }

    @Test
    void fiveStaleNewsColumnsAreAColumnVeto() {
        MapPages pages = new MapPages();
        String navs = IntStream.rangeClosed(1, 5).mapToObj(i -> {
            pages.page("/c" + i + "/", list("动态" + i, item("/c" + i + "/a.html", "旧闻", "2026-09-01")));
            return nav("/c" + i + "/", "部门动态" + i);
        }).collect(Collectors.joining());
        List<Finding> findings = audit(home(navs), pages);
        assertThat(findings).filteredOn(f -> f.kind().equals("column.stale")).hasSize(5);
        assertThat(findings).filteredOn(f -> f.severity() == Severity.VETO)
                .extracting(Finding::indicator, Finding::kind).containsExactly(tuple("W-V4", "column.stale.veto"));
    }

    @Test
    void fourStaleNewsColumnsAreNoVeto() {
        MapPages pages = new MapPages();
        String navs = IntStream.rangeClosed(1, 4).mapToObj(i -> {
            pages.page("/c" + i + "/", list("动态" + i, item("/c" + i + "/a.html", "旧闻", "2026-09-01")));
            return nav("/c" + i + "/", "部门动态" + i);
        }).collect(Collectors.joining());
        assertThat(audit(home(navs), pages)).hasSize(4).noneMatch(f -> f.severity() == Severity.VETO);
    }

    @Test
    void aHomePageWithNothingNewForFifteenDaysIsAVeto() {
        String homeHtml = home().replace("2026-11-20", "2026-11-08");
        List<Finding> findings = audit(homeHtml, new MapPages());
        assertThat(findings).extracting(Finding::indicator, Finding::kind, Finding::severity, Finding::message)
                .containsExactly(tuple("W-V3", "home.stale", Severity.VETO,
                        "首页最近更新 2026-11-08，已 15 天无信息更新，超过 14 天"));
        assertThat(rendered).containsExactly(MapPages.ORIGIN + "/");
    }

    @Test
    void aNavigationOnlyHomePageIsJudgedByItsColumns() {
        String navOnly = "<html><body><div class=\"nav\"><ul>" + nav("/col/", "机构设置") + "</ul></div></body></html>";
        MapPages fresh = new MapPages().page("/col/", list("机构设置", item("/col/a.html", "一", "2026-11-19")));
        assertThat(audit(navOnly, fresh)).isEmpty();
        MapPages stale = new MapPages().page("/col/", list("机构设置", item("/col/a.html", "一", "2026-10-01")));
        assertThat(audit(navOnly, stale)).extracting(Finding::kind, Finding::message).containsExactly(tuple(
                "home.stale", "首页未显示带日期的信息（未注明发布时间的视为不更新），二级页面最近更新 2026-10-01，已 53 天无信息更新，超过 14 天"));
    }

    @Test
    void aSecondListPageIsFetchedOnlyWhenTheFirstHasNoDates() {
        MapPages pages = new MapPages()
                .page("/col/", list("工作动态", "<li><a href=\"/col/a.html\">无日期</a></li>")
                        .replace("</ul>", "</ul><a href=\"/col/index_1.html\">下一页</a>"))
                .page("/col/index_1.html", list("工作动态", item("/col/b.html", "二", "2026-11-15")));
        assertThat(audit(home(nav("/col/", "工作动态")), pages)).isEmpty();
        MapPages dated = new MapPages()
                .page("/col/", list("工作动态", item("/col/a.html", "一", "2026-11-15"))
                        .replace("</ul>", "</ul><a href=\"/col/index_1.html\">下一页</a>"));
        audit(home(nav("/col/", "工作动态")), dated);
        assertThat(dated.fetched).doesNotContain(MapPages.ORIGIN + "/col/index_1.html");
    }

    @Test
    void aColumnWhoseListAScriptBuildsIsReadFromTheRenderedPageAndIsNotBlank() {
        String fresh = ScriptBuiltColumns.record("/art/2026/11/18/art_4227_1.html", "县政府召开冬季安全生产会议", "2026-11-18");
        MapPages pages = new MapPages().page("/col/col4227/", ScriptBuiltColumns.jpageColumn("工作动态", fresh));

        List<Finding> findings = audit(home(nav("/col/col4227/", "工作动态")), pages,
                rendering(pages, "/col/col4227/", ScriptBuiltColumns.jpageRendered("工作动态", fresh)));

        assertThat(findings).isEmpty();
        assertThat(rendered).contains(MapPages.ORIGIN + "/col/col4227/");
    }

    @Test
    void aScriptBuiltListIsJudgedForStalenessByTheDatesItShows() throws Exception {
        String old = ScriptBuiltColumns.record("/art/2026/10/1/art_4227_1.html", "国庆假期安全生产检查", "2026-10-01");
        MapPages pages = new MapPages().page("/col/col4227/", ScriptBuiltColumns.jpageColumn("工作动态", old));

        List<Finding> findings = audit(home(nav("/col/col4227/", "工作动态")), pages,
                rendering(pages, "/col/col4227/", ScriptBuiltColumns.jpageRendered("工作动态", old)));

        assertThat(findings).extracting(Finding::kind, Finding::message).containsExactly(tuple("column.stale",
                "栏目“工作动态”（动态要闻类）最近更新 2026-10-01，已 53 天未更新，超过 14 天"));
        String dates = Files.readString(dir.resolve(findings.get(0).evidence().get(1).path()), StandardCharsets.UTF_8);
        assertThat(dates).contains("\"listFrom\" : \"浏览器渲染后的页面\"", "国庆假期安全生产检查");
    }

    @Test
    void aScriptBuiltColumnIsBlankWhenTheRenderedPageIsBlankToo() {
        MapPages pages = new MapPages().page("/col/col4229/", ScriptBuiltColumns.jpageColumn("人事信息"));

        List<Finding> findings = audit(home(nav("/col/col4229/", "人事信息")), pages,
                rendering(pages, "/col/col4229/", ScriptBuiltColumns.jpageRendered("人事信息")));

        assertThat(findings).extracting(Finding::kind, Finding::severity)
                .containsExactly(tuple("column.blank", Severity.WARN));
        assertThat(findings.get(0).message()).contains("人事信息", "暂无信息");
    }

    @Test
    void aColumnWithoutAListThatCannotBeRenderedIsUnverifiedAndNeverCountsTowardTheBlankVeto() {
        MapPages pages = new MapPages();
        String navs = IntStream.rangeClosed(1, 5).mapToObj(i -> {
            pages.page("/c" + i + "/", ScriptBuiltColumns.jpageColumn("部门动态" + i));
            return nav("/c" + i + "/", "部门动态" + i);
        }).collect(Collectors.joining());

        List<Finding> findings = audit(home(navs), pages, url -> Optional.empty());

        assertThat(findings).hasSize(5).allSatisfy(f -> {
            assertThat(f.indicator()).isEqualTo("W-V4");
            assertThat(f.kind()).isEqualTo("column.unverified");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("未能在浏览器中打开核实", "无法判断是否空白或未更新");
        });
    }
}
