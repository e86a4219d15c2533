package cn.xunjian.text;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.check.Facts;
import cn.xunjian.check.SiteContext;
import cn.xunjian.crawl.CheckedLink;
import cn.xunjian.crawl.LinkKind;
import cn.xunjian.crawl.LinkStatus;
import cn.xunjian.crawl.PageSource;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.model.SitePage;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.EvidenceFiles;
import cn.xunjian.testing.FixtureServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentCheckTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Synthetic numbers: checksum-valid, belonging to no one. */
    private static final String ID = "330106199003071236";
    private static final String MOBILE = "13812345678";

    /** A relief list as townships attach it to a 公示 page: name, ID number, phone, the amount; two rows masked. */
    private static final List<List<String>> RELIEF = List.of(
            List.of("序号", "姓名", "身份证号码", "联系电话", "救助金额（元）"),
            List.of("1", "王某明", ID, MOBILE, "1500"),
            List.of("2", "李*芳", "4403××××××××××567X", "189****9580", "800"),
            List.of("3", "赵*", "330106********1236", "186****5418", "600"));

    @TempDir
    Path dir;

    private final FixtureServer server = new FixtureServer();
    private final HttpStack http = HttpStack.of(NetworkScope.LOOPBACK_ONLY);

    @AfterEach
    void close() {
        server.close();
        http.close();
    }

    private CheckedLink attachment(String path, String text) {
        String url = server.url(path);
        return new CheckedLink(url, server.url("/zwgk/gsgg/t20261015_1.html"), text, LinkKind.ATTACHMENT,
                new LinkStatus(url, 200, null, "HEAD", 3, false), 2);
    }

    private List<Finding> run(AttachmentCheck check, PageSource pages, CheckedLink... links) throws Exception {
        Facts facts = new Facts();
        facts.addAll(Facts.ATTACHMENTS, List.of(links));
        SiteFile site = new SiteFile("临江县人民政府", "3301850031", server.url("/"), null, null, null, null, null);
        SiteContext ctx = new SiteContext(site, null, null,
                new SiteEvidence(new EvidenceStore(dir, TextFixtures.CLOCK), "linjiang"), NetworkScope.LOOPBACK_ONLY,
                http, Duration.ofSeconds(15), null, pages, url -> Optional.empty(), image -> "", null,
                TextFixtures.CLOCK, facts);
        return check.run(ctx);
    }

    private List<Finding> run(CheckedLink... links) throws Exception {
        return run(new AttachmentCheck(), url -> Optional.empty(), links);
    }

    private static List<Finding> problems(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() != Severity.INFO).toList();
    }

    @Test
    void unmaskedNumbersInASpreadsheetAreFindingsAboutTheAttachmentWithTheMaskedSentenceAsEvidence() throws Exception {
        server.bytes("/attach/2026lsjz.xlsx", XLSX, AttachmentFixtures.xlsx("名单", RELIEF));
        List<Finding> f = run(attachment("/attach/2026lsjz.xlsx", "2026年10月临时救助对象名单.xlsx"));
        assertThat(problems(f)).extracting(Finding::kind).containsExactly("privacy.id-number", "privacy.mobile");
        assertThat(problems(f)).allSatisfy(x -> {
            assertThat(x.url()).isEqualTo(server.url("/attach/2026lsjz.xlsx"));
            assertThat(x.indicator()).isEqualTo("W-D6");
            assertThat(x.message()).startsWith("附件“2026年10月临时救助对象名单.xlsx”公开了未脱敏的")
                    .endsWith("（位于 " + server.url("/zwgk/gsgg/t20261015_1.html") + "）")
                    .doesNotContain(ID).doesNotContain(MOBILE);
            assertThat(x.evidence()).hasSize(2).allSatisfy(e -> assertThat(EvidenceFiles.read(dir, e))
                    .doesNotContain(ID).doesNotContain(MOBILE));
        });
        assertThat(EvidenceFiles.read(dir, problems(f).get(0).evidence().get(0))).contains("3301**********1236");
        assertThat(EvidenceFiles.read(dir, problems(f).get(0).evidence().get(1))).contains("\"sha256\"")
                .contains("\"sourceUrl\"");
        assertThat(f).last().satisfies(s -> {
            assertThat(s.kind()).isEqualTo("attachment.summary");
            assertThat(s.severity()).isEqualTo(Severity.INFO);
            assertThat(s.message()).startsWith("读取附件 1 个（Excel 1 个）");
        });
    }

    @Test
    void aWordingErrorInAPdfIsReportedWithItsSentence() throws Exception {
        server.bytes("/attach/gzyd.pdf", "application/pdf",
                AttachmentFixtures.pdf("临江县2026年工作要点", "深入推进扫黑险恶常态化，再接再厉。"));
        List<Finding> f = run(attachment("/attach/gzyd.pdf", "2026年工作要点（PDF）"));
        assertThat(problems(f)).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo("wording.serious");
            assertThat(x.severity()).isEqualTo(Severity.VETO);
            assertThat(x.url()).isEqualTo(server.url("/attach/gzyd.pdf"));
            assertThat(x.message()).startsWith("附件“2026年工作要点（PDF）”严重表述错误：“扫黑险恶”应为“扫黑除恶”")
                    .contains("原句：“深入推进扫黑险恶常态化，再接再厉。”");
            assertThat(EvidenceFiles.read(dir, x.evidence().get(0))).contains("深入推进扫黑险恶常态化");
        });
    }

    @Test
    void wordDocumentsAndWpsSpreadsheetsAreReadToo() throws Exception {
        server.bytes("/attach/gs.docx", "application/msword", AttachmentFixtures.docx(
                List.of("关于2026年度低保对象的公示", "经办人：张某，联系电话：13912345678。"), List.of()));
        server.bytes("/attach/md.et", "application/octet-stream", AttachmentFixtures.xls("Sheet1", RELIEF));
        List<Finding> f = run(attachment("/attach/gs.docx", "附件1"), attachment("/attach/md.et", "附件2"));
        assertThat(problems(f)).extracting(Finding::url, Finding::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(server.url("/attach/gs.docx"), "privacy.mobile"),
                org.assertj.core.groups.Tuple.tuple(server.url("/attach/md.et"), "privacy.id-number"),
                org.assertj.core.groups.Tuple.tuple(server.url("/attach/md.et"), "privacy.mobile"));
        assertThat(f).last().extracting(Finding::message).asString().startsWith("读取附件 2 个（Word 1 个、Excel 1 个）");
    }

    @Test
    void brokenHostileAndVanishedAttachmentsAreInformationNeverAnError() throws Exception {
        server.bytes("/attach/broken.pdf", "application/pdf", AttachmentFixtures.brokenPdf());
        server.bytes("/attach/bomb.docx", "application/octet-stream", AttachmentFixtures.zipBombDocx(20));
        server.bytes("/attach/login.xls", "text/html; charset=utf-8",
                "<html><body>请登录后下载</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        server.status("/attach/gone.doc", 404);
        List<Finding> f = run(attachment("/attach/broken.pdf", "附件：名单.pdf"),
                attachment("/attach/bomb.docx", "附件：通知.docx"), attachment("/attach/login.xls", "附件：表.xls"),
                attachment("/attach/gone.doc", "附件：旧.doc"));
        assertThat(f).allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.INFO));
        assertThat(f).filteredOn(x -> x.kind().equals("attachment.unreadable")).extracting(Finding::message)
                .satisfiesExactly( // nearest to the home page first, then by URL
                        m -> assertThat(m).startsWith("附件无法读取，未检查其中的个人信息和文字：“附件：通知.docx”")
                                .contains("疑似压缩炸弹"),
                        m -> assertThat(m).contains("“附件：名单.pdf”").contains("文件已损坏或无法解析"),
                        m -> assertThat(m).contains("“附件：旧.doc”").contains("下载失败：HTTP 404"),
                        m -> assertThat(m).contains("“附件：表.xls”").contains("不是 PDF、Word 或 Excel 文件"));
        assertThat(f).last().extracting(Finding::message).asString()
                .isEqualTo("读取附件 0 个，检查其中的个人信息和文字；4 个无法下载或读取");
    }

    @Test
    void limitsPerFileAndPerSiteAreKeptAndSaidInTheSummary() throws Exception {
        AttachmentRules base = AttachmentRules.standard();
        AttachmentRules tight = new AttachmentRules(base.extensions(), 2, 2048, base.maxSiteBytes(),
                base.maxSiteTime(), base.downloadTimeout(), base.extractTimeout(), base.maxTextChars(),
                base.maxPdfPages(), base.maxExpandedBytes(), base.minInflateRatio(), 1);
        server.bytes("/attach/a.xlsx", XLSX, AttachmentFixtures.xlsx("名单", RELIEF));
        server.bytes("/attach/b.pdf", "application/pdf", AttachmentFixtures.pdf("联系电话：13812345678"));
        server.bytes("/attach/c.pdf", "application/pdf", AttachmentFixtures.pdf("联系电话：13812345678"));
        AttachmentCheck check = new AttachmentCheck(tight, PrivacyRules.standard(), WordingRules.standard(),
                WordingAllowList.empty());
        List<Finding> f = run(check, url -> Optional.empty(), attachment("/attach/c.pdf", "丙"),
                attachment("/attach/a.xlsx", "甲"), attachment("/attach/b.pdf", "乙"),
                attachment("/attach/pack.zip", "压缩包"));
        assertThat(f).filteredOn(x -> x.kind().equals("attachment.unreadable")).singleElement()
                .extracting(Finding::message).asString().contains("“甲”").contains("超过 2048 字节，未下载读取");
        assertThat(problems(f)).singleElement().extracting(Finding::url).isEqualTo(server.url("/attach/b.pdf"));
        assertThat(f).last().extracting(Finding::message).asString().isEqualTo("读取附件 1 个（PDF 1 个），检查其中的个人信息"
                + "和文字；1 个无法下载或读取；另有 1 个超出检查上限（每站最多 2 个、共 200 MB、10 分钟）未检查；"
                + "1 个为其他格式（如 ZIP、OFD、PPT），未检查");
    }

    @Test
    void brokenAndOutOfScopeLinksAreLeftToTheLinkCheckAndNoAttachmentsMeanNoFindings() throws Exception {
        String url = server.url("/attach/x.pdf");
        CheckedLink broken = new CheckedLink(url, server.url("/"), "x", LinkKind.ATTACHMENT,
                new LinkStatus(url, 404, null, "HEAD", 1, false), 1);
        CheckedLink outside = new CheckedLink("http://192.0.2.1/y.pdf", server.url("/"), "y", LinkKind.ATTACHMENT,
                new LinkStatus("http://192.0.2.1/y.pdf", 0, null, "", 0, true), 1);
        assertThat(run(broken, outside)).isEmpty();
        assertThat(server.requests()).isZero();
    }

    @Test
    void anOutdatedNameInAnAttachmentIsJudgedByThePageThatLinksIt() throws Exception {
        server.bytes("/attach/tz.docx", "application/msword", AttachmentFixtures.docx(
                List.of("关于转发市卫计委有关通知的通知"), List.of()));
        CheckedLink link = attachment("/attach/tz.docx", "通知.docx");
        PageSource oldPage = u -> u.equals(link.sourceUrl()) ? Optional.of(new SitePage(u,
                TextFixtures.article("<p>发布日期：2017年5月4日</p><p>附件：<a href=\"/attach/tz.docx\">通知.docx</a></p>"),
                2)) : Optional.empty();
        assertThat(problems(run(new AttachmentCheck(), oldPage, link))).isEmpty();
        assertThat(problems(run(link))).extracting(Finding::kind).containsExactly("wording.outdated-name");
    }
}
