package cn.xunjian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.evidence.WaczVerifier;
import cn.xunjian.internal.Json;
import cn.xunjian.testing.WaczFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xunjian demo} end to end: the bundled portal is served, audited, reported and verifiable. */
class DemoIT {
    @TempDir
    static Path out;
    private static int exit;
    private static String stdout;
    private static JsonNode report;

    @BeforeAll
    static void runDemo() throws IOException {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        exit = Main.run(new String[] {"demo", "--out", out.toString()}, new PrintWriter(o), new PrintWriter(e));
        stdout = o.toString();
        report = Json.mapper().readTree(out.resolve("report.json").toFile());
    }

    private static List<JsonNode> findings(String site) {
        List<JsonNode> list = new ArrayList<>();
        for (JsonNode s : report.get("sites")) {
            if (s.get("name").asText().equals(site)) {
                s.get("findings").forEach(list::add);
            }
        }
        return list;
    }

    private static List<String> kinds(String site) {
        return findings(site).stream().map(f -> f.get("kind").asText()).toList();
    }

    @Test
    void theDemoRunIsSignedAndStampedByTheDemonstrationTsaAndVerifyAcceptsIt() {
        assertThat(stdout).contains("演示时间戳服务已启动（演示用，不具法律效力）：http://127.0.0.1:")
                .contains("manifest.json：已签名（密钥 ").contains("已加盖可信时间戳");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int verified = Main.run(new String[] {"verify", out.toString()}, new PrintWriter(o), new PrintWriter(e));
        assertThat(verified).as(o.toString()).isZero();
        assertThat(o.toString()).contains("结论：核验通过").contains("演示用，不具法律效力");
        assertThat(out.resolve("environment.json")).exists();
    }

    @Test
    void theDemoExitsOneBecauseItsPlantedProblemsFailASite() {
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void printsTheSummaryTableAndThePathOfTheHtmlReport() {
        assertThat(stdout).contains("序号 | 网站名称 | 结论 | 得分 | 问题（按指标）")
                .contains("临江县人民政府").contains("临江县应急管理局 | 不合格 | 否决 | W-V2×2")
                .contains("临江县教育局 | 合格 | 100").contains("共检查 4 个网站").contains("政务新媒体（含小程序、网页应用）5 个，合格 4 个").contains("报告：" + out.resolve("report.html"));
        assertThat(out.resolve("report.html")).exists();
    }

    @Test
    void findingsCoverAvailabilityFooterMarksReadByOcrAndBrokenHomeLinks() {
        assertThat(kinds("临江县应急管理局")).contains("availability.failed");
        List<String> portal = kinds("临江县人民政府");
        assertThat(portal).contains("availability.ok", "footer.gongan.image-only", "footer.sitecode.mismatch", "footer.qr");
        assertThat(portal.stream().filter("link.broken.home"::equals)).hasSize(5);
        JsonNode ocr = findings("临江县人民政府").stream()
                .filter(f -> f.get("kind").asText().equals("footer.gongan.image-only")).findFirst().orElseThrow();
        assertThat(ocr.get("message").asText()).contains("33018502000123");
        assertThat(ocr.get("evidence").get(0).get("type").asText()).isEqualTo("ocr");
        JsonNode qr = findings("临江县人民政府").stream()
                .filter(f -> f.get("kind").asText().equals("footer.qr")).findFirst().orElseThrow();
        assertThat(qr.get("message").asText()).contains("/h5/index.html");
    }

    @Test
    void everyPlantedWholeSiteProblemIsFound() {
        List<String> portal = kinds("临江县人民政府");
        assertThat(portal).contains("darklink.hidden", "wording.serious", "wording.formulation", "wording.outdated-name",
                "wording.typo", "privacy.id-number", "privacy.mobile", "column.blank", "column.stale",
                "column.backdated", "interaction.unanswered-90-days", "interaction.slow-reply", "search.ok",
                "webview.empty-column", "newmedia.stale-2w");
        assertThat(portal.stream().filter("darklink.hidden"::equals)).hasSize(6);
        assertThat(findings("临江县人民政府")).filteredOn(f -> f.get("kind").asText().equals("link.broken"))
                .extracting(f -> f.get("message").asText())
                .anySatisfy(m -> assertThat(m).contains("2026-szzf-cases.docx").contains("HTTP 404"))
                .anySatisfy(m -> assertThat(m).contains("szzf-award.jpg"))
                .anySatisfy(m -> assertThat(m).contains("页面不存在（HTTP 200）"));
        assertThat(kinds("临江县文化广电旅游体育局")).contains("hijack.spider", "hijack.referer")
                .doesNotContain("darklink.hidden");
        assertThat(kinds("临江县人民政府")).doesNotContain("hijack.spider", "hijack.referer");
    }

    @Test
    void thePageFurnitureNextToThePlantedDarkLinksRaisesNoSuspicion() {
        // drop-downs, tabs, a carousel, share buttons, an upgrade tip, a read-aloud copy, a skip link and a phone-only
        // header on the portal's home page, each hiding links to other sites
        assertThat(findings("临江县人民政府")).filteredOn(f -> f.get("kind").asText().startsWith("darklink."))
                .hasSize(6).allSatisfy(f -> assertThat(f.get("url").asText()).matches(
                        "http://(www\\.ylc-casino|bet365-app|www\\.amjs-yl|www\\.xpj-zr)\\.example/.*"));
    }

    @Test
    void aHiddenBlockOfGamblingLinksAfterTheEndOfThePageIsAVetoThatSaysWhereItWasPut() {
        assertThat(findings("临江县人民政府")).filteredOn(f -> f.get("message").asText().contains("</html> 之后"))
                .hasSize(3).allSatisfy(f -> {
                    assertThat(f.get("kind").asText()).isEqualTo("darklink.hidden");
                    assertThat(f.get("severity").asText()).isEqualTo("veto");
                    assertThat(f.get("url").asText()).matches("http://www\\.(amjs-yl|xpj-zr)\\.example/.*");
                    assertThat(f.get("evidence")).extracting(e -> e.get("path").asText())
                            .anySatisfy(p -> assertThat(p).contains("darklink-source-tail"));
                });
    }

    @Test
    void anIcpNumberWithoutHaoIsAMalformedMarkNotAMissingOne() {
        assertThat(findings("临江县人民政府")).filteredOn(f -> f.get("kind").asText().startsWith("footer.icp."))
                .singleElement().satisfies(f -> {
                    assertThat(f.get("kind").asText()).isEqualTo("footer.icp.malformed");
                    assertThat(f.get("severity").asText()).isEqualTo("warn");
                    assertThat(f.get("message").asText()).contains("格式不规范", "浙ICP备12345678");
                });
    }

    @Test
    void theReliefSpreadsheetOfThePortalLeaksOneIdAndOneMobileNumberMaskedInTheReport() {
        List<JsonNode> leaks = findings("临江县人民政府").stream()
                .filter(f -> f.get("url").asText().endsWith("/attach/2026-10-lsjz-gs.xlsx")).toList();
        assertThat(leaks).extracting(f -> f.get("kind").asText())
                .containsExactlyInAnyOrder("privacy.id-number", "privacy.mobile");
        assertThat(leaks).extracting(f -> f.get("message").asText())
                .anySatisfy(m -> assertThat(m).contains("3301**********0315"))
                .anySatisfy(m -> assertThat(m).contains("139****2046"))
                .allSatisfy(m -> assertThat(m).startsWith("附件“2026年10月城乡居民临时救助资金发放名单.xlsx”")
                        .doesNotContain("330185197805120315").doesNotContain("13957182046"));
    }

    @Test
    void aFriendLinkWhoseDomainAGamblingSiteTookOverIsReportedWithTheTargetsTitle() {
        assertThat(findings("临江县人民政府")).filteredOn(f -> f.get("kind").asText().equals("hijack.outlink"))
                .singleElement().satisfies(f -> {
                    assertThat(f.get("severity").asText()).isEqualTo("veto");
                    assertThat(f.get("message").asText()).startsWith("外链被劫持：链接“临江旅游网” → http://localhost:")
                            .contains("bet365体育在线_澳门威尼斯人_真人娱乐官网");
                    assertThat(f.get("evidence")).extracting(e -> e.get("type").asText()).contains("http", "screenshot");
                });
    }

    @Test
    void theWellKeptDepartmentSiteNextToThePlantedOnesRaisesNothing() {
        assertThat(findings("临江县教育局")).isNotEmpty().allSatisfy(f ->
                assertThat(f.get("severity").asText()).as(f.toString()).isEqualTo("info"));
    }

    private static List<JsonNode> clean(String kindPrefix) {
        return findings("临江县教育局").stream().filter(f -> f.get("kind").asText().startsWith(kindPrefix)).toList();
    }

    @Test
    void benignFooterMarksInRealSpellingsAreAllPresentTheImageOnlyPoliceMarkByItsRecordCode() {
        // 浙ICP备 12345678号-3 (a space after 备), 网站标识码3301850052 and an em-space (no colon), the 公安 mark an icon
        // inside its beian.gov.cn recordcode link, the 找错 entry only the platform's jiucuo.png calling Link(…)
        assertThat(clean("footer.")).singleElement().satisfies(f -> {
            assertThat(f.get("kind").asText()).isEqualTo("footer.gongan.from-link");
            assertThat(f.get("severity").asText()).isEqualTo("info");
            assertThat(f.get("message").asText()).contains("33018502000188", "recordcode=33018502000188");
        });
    }

    @Test
    void benignMaskedNumbersInAPublicNoticeAreNoLeak() {
        // 189****9580 186****5418, 3301××××××××××567X, １３６＊＊＊＊２２１５, 137●●●●6631 in the 资助名单公示
        assertThat(clean("privacy.")).isEmpty();
    }

    @Test
    void benignA2022ArticleNamingTheAuthorityOfThenIsNoOutdatedName() {
        // 中国银行保险监督管理委员会 in an article published on 2022-09-16, before the rename of 2023-05-18
        assertThat(clean("wording.")).isEmpty();
    }

    @Test
    void benignASearchPageLinkedFromTheNavigationIsTheSearchFunctionAndWorks() {
        assertThat(clean("search.")).singleElement().satisfies(f -> {
            assertThat(f.get("kind").asText()).isEqualTo("search.ok");
            assertThat(f.get("message").asText()).contains("首页“站内搜索”链接打开的站内搜索页面", "结果中找到该信息");
        });
    }

    @Test
    void benignAConsultationChannelOnTheCountys12345PlatformCountsAndTakesTheTestLetter() {
        assertThat(clean("interaction.consultation.")).singleElement().satisfies(f -> {
            assertThat(f.get("kind").asText()).isEqualTo("interaction.consultation.submitted");
            assertThat(f.get("url").asText()).startsWith("http://localhost:").endsWith("/hdjl/12345rx/wyxx.html");
            assertThat(f.get("message").asText()).contains("咨询渠道设在其他平台 localhost").containsPattern("查询码 RX[0-9]{12}");
        });
    }

    @Test
    void benignAColumnListedByXhrAndASearchPageInTheNavigationAreNeitherBlankNorStale() {
        // 通知公告 comes from dataproxy.jsp after load; 站内搜索 is no column
        assertThat(clean("column.")).isEmpty();
    }

    @Test
    void benignACleanWordAttachmentIsReadAndRaisesNothing() {
        assertThat(clean("attachment.")).singleElement().satisfies(f -> {
            assertThat(f.get("kind").asText()).isEqualTo("attachment.summary");
            assertThat(f.get("message").asText()).contains("读取附件 1 个（Word 1 个）");
        });
        assertThat(findings("临江县教育局")).noneSatisfy(f -> assertThat(f.get("url").asText()).endsWith(".docx"));
    }

    @Test
    void theDemoWritesAWebArchivePerSiteThatPassesTheStructuralCheck() throws IOException {
        for (int i = 1; i <= 4; i++) {
            String wacz = "site-0" + i + "/archive.wacz";
            assertThat(out.resolve(wacz)).isRegularFile();
            assertThat(new WaczVerifier().verify(out.resolve(wacz), wacz)).as(wacz).isEmpty();
        }
        assertThat(stdout).contains("网页存档：4 个（" + out.resolve("site-NN/archive.wacz"));
        JsonNode ocr = findings("临江县人民政府").stream()
                .filter(f -> f.get("kind").asText().equals("footer.gongan.image-only")).findFirst().orElseThrow();
        JsonNode archived = ocr.get("evidence").get(ocr.get("evidence").size() - 1);
        assertThat(archived.get("type").asText()).isEqualTo("warc");
        assertThat(archived.get("path").asText()).isEqualTo("site-01/archive.wacz");
        assertThat(archived.get("capturedAt").asText()).endsWith("+08:00");
    }

    @Test
    void verifyRejectsAWarcRecordChangedInsideAWebArchiveNamingTheRecord() throws IOException {
        Path wacz = out.resolve("site-02/archive.wacz");
        byte[] original = Files.readAllBytes(wacz);
        String home = report.get("sites").get(1).get("url").asText();
        try {
            WaczFixtures.tamperWithRecord(wacz, home);
            StringWriter o = new StringWriter();
            assertThat(Main.run(new String[] {"verify", out.toString()}, new PrintWriter(o),
                    new PrintWriter(new StringWriter()))).isEqualTo(1);
            assertThat(o.toString()).contains("已改动：site-02/archive.wacz")
                    .contains("✗ 网页存档（WACZ）结构与内部摘要")
                    .contains("网页存档 site-02/archive.wacz 中 " + home + " 的 WARC 记录").contains("结论：核验未通过");
        } finally {
            Files.write(wacz, original);
        }
    }

    @Test
    void verifyAcceptsTheEvidenceAndRejectsItOnceChanged() throws IOException {
        StringWriter o = new StringWriter();
        assertThat(Main.run(new String[] {"verify", out.toString()}, new PrintWriter(o), new PrintWriter(new StringWriter())))
                .isEqualTo(0);
        assertThat(o.toString()).contains("结论：核验通过");
        Path shot;
        try (var files = Files.walk(out.resolve("site-01"))) {
            shot = files.filter(p -> p.toString().endsWith(".png")).findFirst().orElseThrow();
        }
        byte[] original = Files.readAllBytes(shot);
        try {
            Files.write(shot, new byte[] {0});
            StringWriter o2 = new StringWriter();
            assertThat(Main.run(new String[] {"verify", out.toString()}, new PrintWriter(o2),
                    new PrintWriter(new StringWriter()))).isEqualTo(1);
            assertThat(o2.toString()).contains("已改动：site-01/").contains("结论：核验未通过");
        } finally {
            Files.write(shot, original);
        }
    }

    @Test
    void theCircularsTextMatchesTheGoldenFileOnceDatesAndPortsAreNormalised() throws IOException {
        String actual = normalise(Files.readString(out.resolve("circular.md"), StandardCharsets.UTF_8));
        Path golden = Path.of("src/test/resources/golden/demo-circular.md");
        if (Boolean.getBoolean("golden.update")) { // -Dgolden.update=true rewrites the golden file after a change
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual.strip()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8).strip());
        assertThat(actual).contains("首页存在暗链6处（指向“澳门葡京”等赌博网站）")
                .contains("“规划计划”栏目")
                .contains("留言“关于城东小区供暖问题的咨询”（Y年M月D日）超过3个月未答复")
                .contains("存在严重表述错误2处（将“扫黑除恶”误写为“扫黑险恶”等）")
                .doesNotContain("存在此类问题");
    }

    /** The run's dates (the demo dates its pages from today) and the portal's port vary; the wording does not. */
    private static String normalise(String text) {
        return text.replaceAll("\\d{4}年\\d{1,2}月\\d{1,2}日", "Y年M月D日")
                .replaceAll("\\d{4}年第[一二三四]季度", "Y年第Q季度")
                .replaceAll("〔\\d{4}〕", "〔Y〕")
                .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT");
    }

    @Test
    void theCircularIsADocxAndAPdfAndEachFailingSiteHasANoticeAllListedInTheManifest() throws IOException {
        JsonNode manifest = Json.mapper().readTree(out.resolve("manifest.json").toFile());
        List<String> paths = new ArrayList<>();
        manifest.get("files").forEach(f -> paths.add(f.get("path").asText()));
        List<String> failing = new ArrayList<>();
        for (JsonNode s : report.get("sites")) {
            if (s.get("verdict").asText().equals("不合格")) {
                failing.add(s.get("siteCode").asText());
            }
        }
        assertThat(failing).containsExactly("3301850031", "3301850067", "3301850045");
        assertThat(paths).contains("circular.docx", "circular.pdf");
        for (String code : failing) {
            assertThat(paths).contains("rectification/" + code + ".docx", "rectification/" + code + ".pdf");
        }
        assertThat(stdout).contains("通报：" + out.resolve("circular.docx")).contains("整改通知书：" + out.resolve("rectification"));
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(out.resolve("circular.docx")))) {
            var annex = doc.getTables().get(0);
            List<String> names = new ArrayList<>();
            for (int r = 1; r < annex.getRows().size(); r++) {
                names.add(annex.getRow(r).getCell(1).getText());
            }
            assertThat(names).containsExactly("临江县人民政府", "临江县文化广电旅游体育局", "临江县应急管理局");
            assertThat(doc.getTables().get(1).getRow(1).getCell(1).getText()).isEqualTo("临江文旅");
            assertThat(doc.getTables().get(1).getRow(1).getCell(2).getText()).isEqualTo("新浪微博");
        }
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(out.resolve("rectification/3301850031.pdf").toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains("关于临江县人民政府网站存在问题限期整改的通知书").contains("SHA-256");
        }
    }
}
