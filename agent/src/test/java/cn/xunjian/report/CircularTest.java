package cn.xunjian.report;

import cn.xunjian.model.Verdict;
import cn.xunjian.model.Account;
import cn.xunjian.model.AccountVerdict;
import cn.xunjian.model.FindingIds;
import cn.xunjian.score.Scorer;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.score.IndicatorCatalogue;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CircularTest {
    @TempDir
    Path dir;
    private final IndicatorCatalogue catalogue = IndicatorCatalogue.standard();

    private static Finding f(String indicator, String kind, Severity severity, String message) {
        return new Finding(indicator, kind, severity, "http://127.0.0.1/", message, List.of());
    }

    private Report report() {
        List<SiteReport> sites = List.of(
                new SiteReport("临江县人民政府", "3301850031", "http://127.0.0.1/", Verdict.PASSED, 97.0, List.of(
                        f("W-D1", "link.broken.home", Severity.DEDUCT, "坏链1"),
                        f("W-D1", "link.broken.home", Severity.DEDUCT, "坏链2"),
                        f("W-D2", "footer.icp.missing", Severity.DEDUCT, "缺ICP"),
                        f("W-V2", "availability.ok", Severity.INFO, "可访问"))),
                new SiteReport("临江县应急管理局", "3301850045", "http://127.0.0.1/yj/", Verdict.FAILED, null, List.of(
                        f("W-V2", "availability.failed", Severity.VETO, "无法访问"))),
                new SiteReport("清河镇人民政府", "3301850101", "http://127.0.0.1/qh/", Verdict.PASSED, 100.0, List.of(
                        f("W-D2", "footer.icp.unlinked", Severity.WARN, "未链接"))));
        return new Report("2026-11-22T02:00:00+08:00", Summary.of(sites), sites);
    }

    private void write(Circular c) throws IOException {
        CircularWriter writer = new CircularWriter();
        try (OutputStream md = Files.newOutputStream(dir.resolve(CircularWriter.MARKDOWN));
             OutputStream html = Files.newOutputStream(dir.resolve(CircularWriter.HTML))) {
            writer.writeMarkdown(c, md);
            writer.writeHtml(c, html);
        }
    }

    @Test
    void totalsNameThePassRateAndTheFailedSites() {
        Circular c = Circular.of(report(), catalogue, CircularTemplate.standard());
        assertThat(c.title()).isEqualTo("关于2026年第四季度政府网站检查情况的通报");
        assertThat(c.totals()).isEqualTo("本次共检查政府网站3家，合格2家，不合格1家，合格率为66.67%。不合格网站：临江县应急管理局。");
    }

    @Test
    void problemsAreGroupedBySectionAndWarningsStayOut() {
        Circular c = Circular.of(report(), catalogue, CircularTemplate.standard());
        assertThat(c.problems()).containsExactly(
                new Circular.ProblemGroup("网站无法访问", List.of("临江县应急管理局网站首页无法访问")),
                new Circular.ProblemGroup("功能建设不够完善", List.of("临江县人民政府网站坏链1；坏链2；缺ICP")));
        assertThat(c.annex()).containsExactly(
                new Circular.AnnexRow(1, "临江县人民政府", "3301850031", List.of("坏链1；坏链2", "缺ICP")),
                new Circular.AnnexRow(2, "临江县应急管理局", "3301850045", List.of("首页无法访问（单项否决）")));
    }

    @Test
    void problemLinesNameWhatWhereAndAnExampleFromTheFindingsDetails() {
        String home = "http://127.0.0.1/";
        List<Finding> found = List.of(
                Finding.about("W-V1", "darklink.hidden", Severity.VETO, "http://www.xpj.example/", "x", "暗链1", List.of())
                        .with("text", "澳门新葡京").with("category", "赌博").with("page", home),
                Finding.about("W-V1", "darklink.hidden", Severity.VETO, "http://www.bjl.example/", "y", "暗链2", List.of())
                        .with("text", "百家乐").with("category", "赌博").with("page", home),
                blank("规划计划"), blank("财政预决算"), blank("人事信息"), blank("统计信息"), blank("审计信息"),
                new Finding("W-V4", "column.stale", Severity.WARN, home + "bmdt/", "部门动态过期", List.of())
                        .with("column", "部门动态").with("days", 26),
                new Finding("W-V5", "interaction.unanswered-90-days", Severity.VETO, home + "ly/", "留言超期", List.of())
                        .with("title", "咨询农村宅基地审批进度").with("askedAt", "2026-08-02"),
                Finding.about("W-V1", "wording.serious", Severity.VETO, home + "a.html", "w", "表述错误", List.of())
                        .with("wrong", "中国共产党第二十次全国人民代表大会").with("right", "中国共产党第二十次全国代表大会"),
                new Finding("W-V4", "column.unverified", Severity.INFO, home + "x/", "未核实", List.of()));
        List<ProblemLines.Line> lines = ProblemLines.standard().of(home, found);
        assertThat(lines).extracting(ProblemLines.Line::text).containsExactly(
                "首页存在暗链2处（指向“澳门新葡京”等赌博网站）",
                "存在严重表述错误，将“中国共产党第二十次全国代表大会”误写为“中国共产党第二十次全国人民代表大会”",
                "留言“咨询农村宅基地审批进度”（2026年8月2日）超过3个月未答复",
                "空白栏目5个（规划计划、财政预决算、人事信息等）",
                "“部门动态”栏目26天未更新");
        assertThat(lines.get(3).veto()).isFalse();
        assertThat(lines.get(3).category()).isEqualTo("update");
    }

    private static Finding blank(String column) {
        return new Finding("W-V4", "column.blank", Severity.WARN, "http://127.0.0.1/" + column + "/",
                "栏目“" + column + "”为空白栏目", List.of()).with("column", column);
    }

    @Test
    void markdownAndHtmlCarryTheAnnexTable() throws IOException {
        write(Circular.of(report(), catalogue, CircularTemplate.standard()));
        String md = Files.readString(dir.resolve("circular.md"), StandardCharsets.UTF_8);
        assertThat(md).startsWith("# 关于2026年第四季度政府网站检查情况的通报")
                .contains("## 一、总体情况").contains("## 二、存在的主要问题")
                .contains("（一）网站无法访问。临江县应急管理局网站首页无法访问。")
                .contains("| 序号 | 网站名称 | 网站标识码 | 存在问题 |")
                .contains("| 2 | 临江县应急管理局 | 3301850045 | 首页无法访问（单项否决） |");
        String html = Files.readString(dir.resolve("circular.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<table id=\"annex\">").contains("<td>临江县人民政府</td>");
    }

    @Test
    void csvQuotesCellsAndStartsWithABom() throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(FindingsCsvWriter.FILE))) {
            new FindingsCsvWriter(catalogue).write(report(), out);
        }
        String csv = Files.readString(dir.resolve("findings.csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF网站名称,网站标识码,网址,结论,得分,指标,指标名称,问题类型,严重程度,页面或链接,说明,证据\r\n");
        assertThat(csv.lines()).hasSize(7);
        assertThat(FindingsCsvWriter.quote("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
        assertThat(csv).contains("临江县应急管理局,3301850045,http://127.0.0.1/yj/,不合格,,W-V2,站点无法访问,availability.failed,单项否决");
    }

    @Test
    void newMediaAccountsAreJudgedOneByOneAndListedInASecondAnnex() throws IOException {
        Finding stale = new Finding("M-V2", "newmedia.stale-2w", Severity.VETO, "http://127.0.0.1/nm/ljwl.html",
                "“临江文旅”（新浪微博）超过两周未更新：最近一次发布于 2026-10-14，距检查日已 40 天", List.of())
                .with("lastPost", "2026-10-14");
        Finding fresh = new Finding("M-V2", "newmedia.fresh", Severity.INFO, "http://127.0.0.1/nm/ljfb.html",
                "“临江发布”（微信公众号）正常更新", List.of());
        Finding emptyTab = new Finding("M-D1", "webview.empty-column", Severity.DEDUCT, "http://127.0.0.1/h5/app.html",
                "“掌上临江”的栏目“便民地图”无内容（显示“暂无数据”）", List.of())
                .with("column", "便民地图").with("shown", "暂无数据");
        List<Finding> found = FindingIds.assign("http://127.0.0.1/", List.of(stale, fresh, emptyTab));
        List<AccountVerdict> accounts = new Scorer(catalogue).judgeAccounts(List.of(
                new Account("临江文旅", "weibo", "http://127.0.0.1/nm/ljwl.html"),
                new Account("临江发布", "wechat", "http://127.0.0.1/nm/ljfb.html"),
                new Account("掌上临江", "webview", "http://127.0.0.1/h5/app.html")), found);
        List<SiteReport> sites = List.of(new SiteReport("临江县人民政府", "3301850031", "http://127.0.0.1/", Verdict.PASSED, 100.0,
                found, List.of(), accounts));
        Report report = new Report("2026-11-22T02:00:00+08:00", Summary.of(sites), sites);
        Circular c = Circular.of(report, catalogue, CircularTemplate.standard());
        assertThat(c.title()).isEqualTo("关于2026年第四季度政府网站与政务新媒体检查情况的通报");
        assertThat(c.problems()).containsExactly(new Circular.ProblemGroup("政务新媒体管理不够规范", List.of(
                "“临江文旅”（新浪微博，临江县人民政府）超过两周未更新（最近一次发布于2026年10月14日）",
                "“掌上临江”（网页应用，临江县人民政府）栏目“便民地图”无内容（显示“暂无数据”）")));
        assertThat(c.annex()).isEmpty();
        assertThat(c.newMediaTotals()).startsWith("检查政务新媒体（含小程序、网页应用）3个，合格2个，不合格1个，合格率为66.67%。")
                .endsWith("不合格政务新媒体：“临江文旅”（临江县人民政府）。");
        assertThat(c.newMediaAnnex()).singleElement().satisfies(row -> {
            assertThat(row.account()).isEqualTo("临江文旅");
            assertThat(row.owner()).isEqualTo("临江县人民政府");
            assertThat(row.type()).isEqualTo("新浪微博");
            assertThat(row.problems()).isEqualTo("超过两周未更新（最近一次发布于2026年10月14日）（单项否决）");
        });
        write(c);
        String md = Files.readString(dir.resolve("circular.md"), StandardCharsets.UTF_8);
        assertThat(md).contains("## 附件2　检查发现不合格的政务新媒体").contains("| 1 | 临江文旅 | 新浪微博 | 临江县人民政府 |")
                .contains("| 序号 | 账号名称 | 账号类型 | 开设主体 | 存在问题 |")
                .contains("（一）政务新媒体管理不够规范。“临江文旅”（新浪微博，临江县人民政府）超过两周未更新（最近一次发布于2026年10月14日）。");
    }
}
