package cn.xunjian.text;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.Finding;
import cn.xunjian.check.PageContext;
import cn.xunjian.check.Renderer;
import cn.xunjian.model.Severity;
import cn.xunjian.model.SitePage;
import cn.xunjian.testing.StaticAuditPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordingCheckTest {
    @TempDir
    Path dir;

    private final WordingCheck check = new WordingCheck();

    private static final String ARTICLE = TextFixtures.article("""
            <h1>我市召开扫黑险恶工作推进会</h1>
            <p class="info">发布时间：2026-11-20</p>
            <p>会议强调，要深入开展党史教育学习，再接再励，巩固成果。</p>
            <p>市国土资源局、市卫计委负责同志参加会议。</p>
            <script>var s = "中华人民共合国";</script>
            <input type="hidden" value="攻府">
            <div style="display: none">习近乎</div>
            """);

    private List<Finding> run(String url, String html, PageContext ctx) {
        return check.check(new SitePage(url, html, 1), ctx);
    }

    @Test
    void reportsEachKindOfErrorWithItsIndicatorSeverityAndKind() {
        List<Finding> f = run("http://127.0.0.1/a.html", ARTICLE, TextFixtures.context(dir, TextFixtures.none()));
        assertThat(f).extracting(Finding::kind, Finding::indicator, Finding::severity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("wording.serious", "W-V1", Severity.VETO),
                org.assertj.core.groups.Tuple.tuple("wording.formulation", "W-V1", Severity.VETO),
                org.assertj.core.groups.Tuple.tuple("wording.typo", "W-D5", Severity.DEDUCT),
                org.assertj.core.groups.Tuple.tuple("wording.outdated-name", "W-D5", Severity.DEDUCT),
                org.assertj.core.groups.Tuple.tuple("wording.outdated-name", "W-D5", Severity.DEDUCT));
        assertThat(f).allSatisfy(x -> assertThat(x.url()).isEqualTo("http://127.0.0.1/a.html"));
        assertThat(check.name()).isEqualTo("wording");
        assertThat(check.indicator()).isEqualTo("W-V1");
    }

    @Test
    void theMessageNamesThePhraseItsCorrectionAndTheSentence() {
        List<Finding> f = run("http://127.0.0.1/a.html", ARTICLE, TextFixtures.context(dir, TextFixtures.none()));
        assertThat(f).extracting(Finding::message).contains(
                "严重表述错误：“扫黑险恶”应为“扫黑除恶”。原句：“我市召开扫黑险恶工作推进会”",
                "错别字：“再接再励”应为“再接再厉”。原句：“会议强调，要深入开展党史教育学习，再接再励，巩固成果。”",
                "名称已过时：“国土资源局”（2019年3月起）应为“自然资源和规划局”。原句：“市国土资源局、市卫计委负责同志参加会议。”");
    }

    @Test
    void scriptsHiddenInputsAndHiddenElementsAreNotRead() {
        List<Finding> f = run("http://127.0.0.1/a.html", ARTICLE, TextFixtures.context(dir, TextFixtures.none()));
        assertThat(f).extracting(Finding::message).noneMatch(m -> m.contains("共合国") || m.contains("攻府")
                || m.contains("习近乎"));
    }

    @Test
    void aLongSentenceIsTrimmedAroundThePhrase() {
        String longText = "这是一段很长的说明文字".repeat(12) + "秸杆综合利用" + "并且继续说明有关情况".repeat(12) + "。";
        Finding f = run("http://127.0.0.1/b.html", TextFixtures.article("<p>" + longText + "</p>"),
                TextFixtures.context(dir, TextFixtures.none())).get(0);
        String quoted = f.message().substring(f.message().indexOf("原句：“") + 4, f.message().length() - 1);
        assertThat(quoted).contains("秸杆综合利用").startsWith("…").endsWith("…");
        assertThat(quoted.length()).isLessThanOrEqualTo(82);
    }

    @Test
    void anArticlePublishedBeforeTheReformMayUseTheOldNames() {
        String html = TextFixtures.article("<p>发布日期：2017年5月4日</p><p>市国土资源局召开会议。</p>");
        assertThat(run("http://127.0.0.1/c.html", html, TextFixtures.context(dir, TextFixtures.none()))).isEmpty();
        assertThat(run("http://127.0.0.1/art/2017/5/4/t20170504_1.html",
                TextFixtures.article("<p>市国土资源局召开会议。</p>"), TextFixtures.context(dir, TextFixtures.none())))
                .isEmpty();
        assertThat(run("http://127.0.0.1/c.html", TextFixtures.article("<p>市国土资源局召开会议。</p>"),
                TextFixtures.context(dir, TextFixtures.none()))).hasSize(1);
    }

    /**
     * A regulation as a county site's 法规库 republishes it years later: the promulgation note under the title dates
     * the text. Text from the CMS dump in itove/datong ({@code db/db.sql}, 银行保险机构许可证管理办法, stored 2024-10-14).
     */
    private static final String REPUBLISHED_REGULATION = TextFixtures.article("""
            <h1>银行保险机构许可证管理办法</h1>
            <p class="info">发布时间：2024-10-14 07:24:03</p>
            <p style="text-align:center;"><span style="background-color:#ffffff;color:#333333;">(2021</span><span             style="color:#333333;">年4月28日中国银行保险监督管理委员会令2021年第3号公布 自2021年7月1日起施行)</span></p>
            <p style="text-align:justify;"><span style="background-color:#fefefe;color:#333333;">第二条 本办法所称许可证            是指中国银行保险监督管理委员会（以下简称银保监会）依法颁发的特许银行保险机构经营金融业务的法律文件。</span></p>
            <p style="text-align:justify;"><span style="background-color:#fefefe;color:#333333;">第五条 银保监会对银行            保险机构许可证实行分级管理。</span></p>
            """);

    @Test
    void aRegulationReproducedAfterTheRenameIsJudgedByItsPromulgationNote() {
        assertThat(run("http://127.0.0.1/fgk/1.html", REPUBLISHED_REGULATION,
                TextFixtures.context(dir, TextFixtures.none()))).isEmpty();
        String current = REPUBLISHED_REGULATION.replace("(2021", "(2024").replace("令2021年第3号", "令2024年第3号")
                .replace("自2021年", "自2024年");
        assertThat(run("http://127.0.0.1/fgk/2.html", current, TextFixtures.context(dir, TextFixtures.none())))
                .extracting(Finding::kind).containsOnly("wording.outdated-name").isNotEmpty();
    }

    /**
     * A 2024 article that cites a 2022 decision by its title and number, the number written with 〔〕 as documents
     * write it (the citation as in jackliusr/research, README, and the 《商业汇票承兑、贴现与再贴现管理办法》 text), and
     * then uses the old name as if it were current.
     */
    @Test
    void aQuotedTitleIsJudgedByTheYearOfItsDocumentNumber() {
        String html = TextFixtures.article("""
                <p class="info">发布时间：2024-03-12</p>
                <p>按照《商业汇票承兑、贴现与再贴现管理办法》（中国人民银行 中国银行保险监督管理委员会令〔2022〕第4号）                要求，我市开展票据业务专项检查。</p>
                <p>会议邀请中国银行保险监督管理委员会派员指导。</p>
                """);
        assertThat(run("http://127.0.0.1/xwzx/t20240312_9.html", html, TextFixtures.context(dir, TextFixtures.none())))
                .singleElement().satisfies(f -> assertThat(f.message())
                        .contains("原句：“会议邀请中国银行保险监督管理委员会派员指导。”").doesNotContain("本页共"));
    }

    /**
     * A 2022 penalty decision whose page carries no publish date the crawl can read (the date is drawn by a script),
     * laid out as the 行政处罚信息公开表 that financial regulators publish: the decision's number stands in a cell
     * of its own and dates the page; the regulator's name is in another row.
     */
    @Test
    void aDecisionIsJudgedByTheYearOfItsOwnDocumentNumber() {
        String html = TextFixtures.article("""
                <h1>中国银保监会行政处罚信息公开表（银保监罚决字〔2022〕12号）</h1>
                <table class="MsoNormalTable">
                 <tr><td colspan="2">行政处罚决定书文号</td><td>银保监罚决字〔2022〕12号</td></tr>
                 <tr><td rowspan="2">被处罚当事人姓名或名称</td><td>单位名称</td><td>某某人寿保险股份有限公司</td></tr>
                 <tr><td>主要负责人姓名</td><td>王某</td></tr>
                 <tr><td colspan="2">主要违法违规事实（案由）</td><td>编制虚假资料</td></tr>
                 <tr><td colspan="2">行政处罚依据</td><td>《中华人民共和国保险法》第八十六条</td></tr>
                 <tr><td colspan="2">行政处罚决定</td><td>罚款30万元</td></tr>
                 <tr><td colspan="2">作出处罚决定的机关名称</td><td>中国银行保险监督管理委员会</td></tr>
                </table>
                <script>document.write('发布时间：2022-03-04');</script>
                """);
        assertThat(run("http://127.0.0.1/view/pages/ItemDetail.html", html,
                TextFixtures.context(dir, TextFixtures.none()))).isEmpty();
        String list = html.replace("<tr><td colspan=\"2\">行政处罚决定</td>",
                "<tr><td colspan=\"2\">关联决定</td><td>银保监罚决字〔2024〕3号</td></tr><tr><td colspan=\"2\">行政处罚决定</td>")
                .replace("<h1>中国银保监会行政处罚信息公开表（银保监罚决字〔2022〕12号）</h1>", "");
        assertThat(run("http://127.0.0.1/view/pages/ItemDetail.html", list,
                TextFixtures.context(dir, TextFixtures.none()))).extracting(Finding::kind)
                .containsOnly("wording.outdated-name").isNotEmpty();
    }

    @Test
    void publishDatesAreReadFromTheMetaTagsAndPathsCmsesWrite() {
        String body = "<p>中国银行保险监督管理委员会召开会议。</p>";
        String govCn = "<html><head><meta name=\"firstpublishedtime\" content=\"2022-05-27-10:25:00\"></head><body>"
                + body + "</body></html>";
        assertThat(run("http://127.0.0.1/zhengce/content.htm", govCn, TextFixtures.context(dir, TextFixtures.none())))
                .isEmpty();
        assertThat(run("http://127.0.0.1/art/2022/3/4/art_1229_5.html", TextFixtures.article(body),
                TextFixtures.context(dir, TextFixtures.none()))).isEmpty();
        assertThat(run("http://127.0.0.1/zhengce/2022-05/27/content_5692.htm", TextFixtures.article(body),
                TextFixtures.context(dir, TextFixtures.none()))).isEmpty();
        assertThat(run("http://127.0.0.1/zhengce/content.htm", TextFixtures.article(body),
                TextFixtures.context(dir, TextFixtures.none()))).hasSize(1);
    }

    @Test
    void aRuleFiringSeveralTimesOnAPageIsOneFindingWithACount() {
        String html = TextFixtures.article("<p>秸杆还田。</p><p>秸杆禁烧。</p><p>秸杆收储。</p>");
        List<Finding> f = run("http://127.0.0.1/d.html", html, TextFixtures.context(dir, TextFixtures.none()));
        assertThat(f).singleElement().extracting(Finding::message).asString().contains("（本页共3处）");
    }

    @Test
    void aSiteAllowListSilencesItsPhrasesOnlyOnThatSite() throws Exception {
        Path file = dir.resolve("wording-allow.json");
        Files.writeString(file, "{\"sites\": {\"3301850031\": [\"秸杆巷\"]}}", java.nio.charset.StandardCharsets.UTF_8);
        WordingCheck allowing = new WordingCheck(WordingRules.standard(), WordingAllowList.read(file));
        String html = TextFixtures.article("<p>秸杆巷社区开展活动。</p>");
        assertThat(allowing.check(new SitePage("http://127.0.0.1/e.html", html, 1),
                TextFixtures.context(dir.resolve("a"), TextFixtures.none()))).isEmpty();
        assertThat(allowing.check(new SitePage("http://127.0.0.1/e.html", html, 1),
                TextFixtures.context(dir.resolve("b"), TextFixtures.none(), "3301000000"))).hasSize(1);
        assertThat(WordingAllowList.standard().sites()).isEmpty();
    }

    @Test
    void theHighlightedScreenshotIsEvidenceAndOnePhraseIsShotOncePerSite() {
        List<String> rendered = new ArrayList<>();
        Renderer renderer = url -> {
            rendered.add(url);
            return Optional.of(new StaticAuditPage(url, TextFixtures.article("<p>秸杆还田。</p>")));
        };
        PageContext ctx = TextFixtures.context(dir, renderer);
        String html = TextFixtures.article("<p>秸杆还田。</p>");
        Finding first = run("http://127.0.0.1/1.html", html, ctx).get(0);
        Finding second = run("http://127.0.0.1/2.html", html, ctx).get(0);
        assertThat(first.evidence()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("screenshot");
            assertThat(dir.resolve(e.path())).exists();
        });
        assertThat(second.evidence()).isEqualTo(first.evidence());
        assertThat(rendered).containsExactly("http://127.0.0.1/1.html");
    }

    @Test
    void screenshotsStopAtTheSiteBudgetButFindingsGoOn() {
        WordingRules base = WordingRules.standard();
        WordingRules tight = new WordingRules(base.version(), 2, base.sentenceChars(), base.history(),
                base.publishDate(), base.rules());
        WordingCheck budgeted = new WordingCheck(tight, WordingAllowList.empty());
        List<String> rendered = new ArrayList<>();
        Renderer renderer = url -> {
            rendered.add(url);
            return Optional.of(new StaticAuditPage(url, TextFixtures.article("<p>秸杆、车箱、成份、惟一</p>")));
        };
        PageContext ctx = TextFixtures.context(dir, renderer);
        List<Finding> f = budgeted.check(new SitePage("http://127.0.0.1/x.html",
                TextFixtures.article("<p>秸杆、车箱、成份、惟一</p>"), 1), ctx);
        assertThat(f).hasSize(4);
        assertThat(f.stream().filter(x -> !x.evidence().isEmpty())).hasSize(2);
        assertThat(rendered).hasSize(2);
    }

    @Test
    void aPageThatDoesNotRenderStillGetsItsFindingWithoutEvidence() {
        Finding f = run("http://127.0.0.1/f.html", TextFixtures.article("<p>秸杆还田。</p>"),
                TextFixtures.context(dir, TextFixtures.none())).get(0);
        assertThat(f.evidence()).isEmpty();
        assertThat(Map.of("kind", f.kind())).containsEntry("kind", "wording.typo");
    }
}
