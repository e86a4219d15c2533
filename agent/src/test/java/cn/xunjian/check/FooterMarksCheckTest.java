package cn.xunjian.check;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.StaticAuditPage;
import cn.xunjian.testing.TestImages;
import cn.xunjian.vision.OcrException;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FooterMarksCheckTest {
    private static final String URL = "http://127.0.0.1:8080/";
    private static final String CONAC = "<a href=\"https://bszs.conac.cn/sitename?method=show&id=6A1B2C3D4E5F60718293A4B5C6D7E8F9\">"
            + "<img src=\"/images/conac-red.png\" alt=\"党政机关\"></a>";
    private static final String ICP = "<a href=\"https://beian.miit.gov.cn/\">浙ICP备12345678号-1</a>";
    private static final String GONGAN = "<a href=\"https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=33018502000123\">"
            + "浙公网安备 33018502000123号</a>";
    private static final String JIUCUO = "<script id=\"_jiucuo_\" sitecode=\"3301850031\"></script>";

    @TempDir
    Path dir;

    private static String page(String meta, String footer) {
        return "<html><head>" + meta + "</head><body><div class=\"nav\">首页</div><div class=\"main\">今日临江</div>"
                + "<div class=\"footer\" id=\"footer\">" + footer + "</div></body></html>";
    }

    private static String meta(String code) {
        return "<meta name=\"SiteName\" content=\"临江县人民政府\"><meta name=\"SiteIDCode\" content=\"" + code + "\">";
    }

    private List<Finding> run(String html, SiteFile site, StaticAuditPage page) {
        return new FooterMarksCheck(FooterMarkRules.standard()).run(CheckFixtures.context(dir, site, page));
    }

    private List<Finding> run(String html) {
        return run(html, SiteFile.of("临江县人民政府", URL), new StaticAuditPage(URL, html));
    }

    private static List<String> kinds(List<Finding> findings) {
        return findings.stream().map(Finding::kind).toList();
    }

    @Test
    void aCompleteFooterHasNoFindings() {
        String html = page(meta("3301850031"), CONAC + "主办：临江县人民政府办公室 网站标识码：3301850031 " + ICP + GONGAN + JIUCUO);
        assertThat(run(html)).isEmpty();
    }

    @Test
    void eachMissingMarkIsADeduction() {
        String html = page(meta("3301850031"), "主办：临江县人民政府办公室 联系电话：0571-12345678");
        List<Finding> findings = run(html);
        assertThat(kinds(findings)).contains("footer.sitecode.missing", "footer.icp.missing", "footer.gongan.missing",
                "footer.conac.missing", "footer.jiucuo.missing");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.indicator()).isEqualTo("W-D2");
            assertThat(f.severity()).isEqualTo(Severity.DEDUCT);
        });
        assertThat(findings.get(0).evidence()).extracting(e -> e.type()).containsExactly("screenshot");
    }

    @Test
    void aMarkDrawnOnlyInAnImageIsReadByOcr() {
        String footer = CONAC + "网站标识码：3301850031 " + ICP + JIUCUO
                + "<a href=\"https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=33018502000123\">"
                + "<img src=\"/images/gongan-beian.png\" alt=\"公安备案\"></a>";
        StaticAuditPage page = new StaticAuditPage(URL, page(meta("3301850031"), footer))
                .resource(URL + "images/gongan-beian.png", TestImages.demo("gongan-beian.png"))
                .resource(URL + "images/conac-red.png", TestImages.demo("conac-red.png"));
        List<Finding> findings = run(null, SiteFile.of("临江县人民政府", URL), page);
        assertThat(kinds(findings)).containsExactly("footer.gongan.image-only");
        Finding f = findings.get(0);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message()).contains("33018502000123");
        assertThat(f.evidence()).extracting(e -> e.type()).containsExactly("ocr", "ocr");
    }

    @Test
    void siteCodeDisagreementsAreNamedSourceBySource() {
        String html = page(meta("3301850031"), CONAC + "网站标识码：3301850031 " + ICP + GONGAN
                + "<script id=\"_jiucuo_\" sitecode=\"3301850013\"></script>");
        SiteFile site = new SiteFile("临江县人民政府", "3301850031", URL, null, null, null, null, null);
        List<Finding> findings = run(html, site, new StaticAuditPage(URL, html));
        assertThat(kinds(findings)).containsExactly("footer.sitecode.mismatch");
        assertThat(findings.get(0).message()).contains("页脚 3301850031").contains("找错 sitecode 3301850013");
    }

    @Test
    void theSiteCodeOfTheJiucuoLinkCountsWhenThereIsNoScript() {
        String html = page(meta("3301850031"), CONAC + "网站标识码：3301850031 " + ICP + GONGAN
                + "<a href=\"https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=3301859999\">我为政府网站找错</a>");
        assertThat(kinds(run(html))).containsExactly("footer.sitecode.mismatch");
    }

    @Test
    void anErrorBadgeAndAnUnlinkedIcpAreReported() {
        String html = page(meta("3301850031"), "<a href=\"https://bszs.conac.cn/sitename?method=show&id=6A1B2C3D4E5F60718293A4B5C6D7E8F9\">"
                + "<img src=\"https://dcs.conac.cn/image/red_error.png\"></a>网站标识码：3301850031 浙ICP备12345678号 " + GONGAN + JIUCUO);
        assertThat(kinds(run(html))).containsExactlyInAnyOrder("footer.conac.error", "footer.icp.unlinked");
    }

    @Test
    void missingMetaTagsAreAWarning() {
        String html = page("", CONAC + "网站标识码：3301850031 " + ICP + GONGAN + JIUCUO);
        List<Finding> findings = run(html);
        assertThat(kinds(findings)).containsExactly("meta.missing");
        assertThat(findings.get(0).severity()).isEqualTo(Severity.WARN);
        assertThat(findings.get(0).message()).contains("SiteName").contains("SiteIDCode");
    }

    @Test
    void footerQrCodesAreDecodedAndListed() throws Exception {
        var matrix = new QRCodeWriter().encode("http://127.0.0.1:8080/h5/index.html", BarcodeFormat.QR_CODE, 200, 200);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        MatrixToImageWriter.writeToStream(matrix, "png", png);
        String html = page(meta("3301850031"), CONAC + "网站标识码：3301850031 " + ICP + GONGAN + JIUCUO
                + "<img src=\"/images/qr.png\" alt=\"临江发布\">");
        StaticAuditPage page = new StaticAuditPage(URL, html).resource(URL + "images/qr.png", png.toByteArray());
        List<Finding> findings = run(null, SiteFile.of("x", URL), page);
        assertThat(kinds(findings)).containsExactly("footer.qr");
        assertThat(findings.get(0).message()).contains("http://127.0.0.1:8080/h5/index.html").contains("临江发布");
        assertThat(findings.get(0).evidence()).extracting(e -> e.type()).containsExactly("qr", "qr");
    }

    @Test
    void anOcrFailureOnOneImageIsRecordedAndTheCheckGoesOn() {
        String html = page(meta("3301850031"), CONAC + "网站标识码：3301850031 " + ICP + JIUCUO
                + "<img src=\"/images/mark.png\">");
        StaticAuditPage page = new StaticAuditPage(URL, html)
                .resource(URL + "images/mark.png", TestImages.demo("gongan-beian.png"));
        var ctx = CheckFixtures.context(dir, SiteFile.of("x", URL), page, image -> {
            throw new OcrException("模拟的 OCR 故障", null);
        }, new cn.xunjian.vision.ZxingQrDecoder());
        List<Finding> findings = new FooterMarksCheck(FooterMarkRules.standard()).run(ctx);
        assertThat(kinds(findings)).containsExactly("footer.ocr.failed", "footer.gongan.missing");
    }

    @Test
    void theFooterIsFoundByItsWordsNotJustItsName() {
        String html = "<html><head>" + meta("3301850031") + "</head><body><div id=\"bottom-links\">友情链接</div>"
                + "<div class=\"copyright\">" + CONAC + "版权所有 网站标识码：3301850031 " + ICP + GONGAN + JIUCUO
                + "</div></body></html>";
        assertThat(run(html)).isEmpty();
    }

    // ---- Real footers (src/test/resources/cn/xunjian/check/footers, each naming where its markup comes from) ----

    private static final String YICHUN = "http://127.0.0.1:8080/ycsrmzf/";
    private static final String YICHUN_MARKS = "<a href=\"https://beian.miit.gov.cn/\" target=\"_blank\">赣ICP备06000141号</a>"
            + "　政府网站标识码：3609000002";
    private static final String YICHUN_GONGAN = "<a href=\"http://www.beian.gov.cn/portal/registerSystemInfo?recordcode="
            + "36090202000004\" target=\"_blank\"><img src=\"batb.png\" alt=\"\">赣公网安备 36090202000004号</a>";
    private static final String YICHUN_JIUCUO_SCRIPT = "<script id=\"_jiucuo_\" sitecode=\"3609000002\" src=\"jiucuo.js\"></script>";

    static String fixture(String name) {
        try (InputStream in = FooterMarksCheckTest.class.getResourceAsStream("footers/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture footers/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 宜春 footer with one piece of its markup replaced by another real spelling. */
    private static String yichun(String piece, String replacement) {
        String html = fixture("yichun-complete.html");
        assertThat(html).contains(piece);
        return html.replace(piece, replacement);
    }

    private List<Finding> runAt(String url, String html) {
        return run(html, SiteFile.of("中国宜春", url), new StaticAuditPage(url, html));
    }

    private static Finding only(List<Finding> findings, String kind) {
        assertThat(findings).extracting(Finding::kind).contains(kind);
        return findings.stream().filter(f -> f.kind().equals(kind)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"yichun-complete.html", "wanzai-complete.html", "handan-complete.html"})
    void realCompleteFootersRaiseNothing(String name) {
        assertThat(runAt(YICHUN, fixture(name))).isEmpty();
    }

    @Test
    void aSiteCodeSeparatedByEmSpacesOrANoBreakSpaceOrSplitAcrossElementsIsPresent() {
        for (String spelling : List.of("政府网站标识码&emsp;3609000002&emsp;", "网站标识码3609000002&#x3000;",
                "网站标识码\u3000\u30003609000002", "网站标识码：&nbsp;<span>3609</span><span>000002</span>",
                "网站标识码：<br>3609000002")) {
            List<Finding> findings = runAt(YICHUN, yichun("政府网站标识码：3609000002", spelling));
            assertThat(findings).as(spelling).isEmpty();
        }
    }

    @Test
    void anIcpNumberOfSichuanWithASpaceIsPresent() {
        String html = yichun("赣ICP备06000141号", "蜀ICP备 13001288号");
        assertThat(runAt(YICHUN, html)).isEmpty();
    }

    @Test
    void anIcpNumberWithoutHaoIsPresentButMalformed() {
        List<Finding> findings = runAt(YICHUN, yichun("赣ICP备06000141号", "鄂ICP备05009168"));
        assertThat(findings).extracting(Finding::kind).containsExactly("footer.icp.malformed");
        Finding f = findings.get(0);
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(f.message()).contains("格式不规范", "鄂ICP备05009168", "号");
        assertThat(f.evidence()).extracting(e -> e.type()).containsExactly("screenshot");
    }

    @Test
    void aGonganMarkWithHaoBeforeItsNumberInALinkIsPresentButMalformed() {
        String html = yichun(YICHUN_GONGAN, "粤公网安备号<a href=\"http://www.beian.gov.cn/portal/registerSystemInfo?"
                + "recordcode=44010402000001\" target=\"_blank\">44010402000001</a>");
        List<Finding> findings = runAt(YICHUN, html);
        assertThat(findings).extracting(Finding::kind).containsExactly("footer.gongan.malformed");
        assertThat(findings.get(0).message()).contains("粤公网安备号44010402000001");
    }

    @Test
    void aMalformedSiteCodeIsAWarningNotMissing() {
        List<Finding> findings = runAt(YICHUN, yichun("政府网站标识码：3609000002", "政府网站标识码：360900002"));
        assertThat(findings).extracting(Finding::kind).contains("footer.sitecode.malformed")
                .doesNotContain("footer.sitecode.missing");
        assertThat(only(findings, "footer.sitecode.malformed").severity()).isEqualTo(Severity.WARN);
    }

    @Test
    void marksInStandardFormOutsideTheLocatedFooterArePresent() {
        String html = yichun("<p>\n        " + YICHUN_MARKS + "\n        " + YICHUN_GONGAN + "\n      </p>", "")
                .replace("</body>", "<table class=\"bq\"><tr><td>滇ICP备05000002号　网站标识码：3609000002　"
                        + "<a href=\"https://beian.miit.gov.cn/\">工信部备案查询</a> <a href=\"http://www.beian.gov.cn/portal/"
                        + "registerSystemInfo?recordcode=51010402000507\">川公网安备 51010402000507号</a></td></tr></table></body>");
        assertThat(html).doesNotContain("赣ICP备");
        assertThat(runAt(YICHUN, html)).isEmpty();
    }

    @Test
    void aGonganMarkGivenOnlyInTheAltAndTitleOfItsImageIsPresentAsAnImage() {
        String html = yichun(YICHUN_GONGAN, "<a href=\"http://www.beian.gov.cn/portal/registerSystemInfo\" target=\"_blank\">"
                + "<img src=\"batb.png\" alt=\"赣公网安备 36090202000004号\" title=\"赣公网安备 36090202000004号\"></a>");
        List<Finding> findings = runAt(YICHUN, html);
        assertThat(findings).extracting(Finding::kind).containsExactly("footer.gongan.image-only");
        assertThat(findings.get(0).severity()).isEqualTo(Severity.INFO);
        assertThat(findings.get(0).message()).contains("说明文字", "赣公网安备36090202000004号");
    }

    @Test
    void aGonganImageLinkedToItsBeianRecordIsPresentByItsRecordCode() {
        for (String href : List.of("http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=36090202000004",
                "https://beian.mps.gov.cn/#/query/webSearch?code=36090202000004")) {
            String html = yichun(YICHUN_GONGAN, "<a href=\"" + href + "\" target=\"_blank\"><img src=\"batb.png\" alt=\"\"></a>");
            List<Finding> findings = runAt(YICHUN, html);
            assertThat(findings).as(href).extracting(Finding::kind).containsExactly("footer.gongan.from-link");
            assertThat(findings.get(0).severity()).isEqualTo(Severity.INFO);
            assertThat(findings.get(0).message()).contains("36090202000004", href);
        }
    }

    @Test
    void theJiucuoIconCallingLinkCountsWithoutThePlatformsScriptAndGivesItsSiteCode() {
        String html = yichun(YICHUN_JIUCUO_SCRIPT, "");
        assertThat(runAt(YICHUN, html)).isEmpty();
        String other = html.replace("Link(&#39;3609000002&#39;)", "Link(&#39;3609000020&#39;)");
        assertThat(runAt(YICHUN, other)).extracting(Finding::kind).containsExactly("footer.sitecode.mismatch");
    }

    @Test
    void aJiucuoLinkToTheZfwzzcPlatformCountsAndGivesItsSiteCode() {
        String html = fixture("yichun-complete.html");
        int from = html.indexOf(YICHUN_JIUCUO_SCRIPT);
        int to = html.indexOf("</span>", from) + "</span>".length();
        String zfwzzc = html.substring(0, from) + "<a href=\"https://zfwzzc.www.gov.cn/check_web/errorInfo/jcInfoNew?"
                + "sitecode=3609000002&amp;url=https%3A%2F%2Fwww.yichun.gov.cn%2F\" target=\"_blank\"><img src=\"jiucuo.png\"></a>"
                + html.substring(to);
        assertThat(zfwzzc).doesNotContain("_jiucuo_").doesNotContain("Link(");
        assertThat(runAt(YICHUN, zfwzzc)).isEmpty();
        // 靖安县's footer links the platform's older host the same way
        String pucha = zfwzzc.replace("https://zfwzzc.www.gov.cn/check_web/errorInfo/jcInfoNew?sitecode=",
                "http://pucha.kaipuyun.cn/exposure/jiucuo.html?site_code=");
        assertThat(runAt(YICHUN, pucha)).isEmpty();
        assertThat(runAt(YICHUN, zfwzzc.replace("sitecode=3609000002", "siteCode=3609000099")))
                .extracting(Finding::kind).containsExactly("footer.sitecode.mismatch");
    }

    @Test
    void theConacEmbedWrittenWithDocumentWriteIsTheMarkItselfAndTheJiucuoScriptOnKaipuyunToo() {
        List<Finding> findings = runAt("http://127.0.0.1:8080/html/jinhu/", fixture("jinhu-embeds-only.html"));
        assertThat(findings).extracting(Finding::kind).containsExactlyInAnyOrder("footer.sitecode.missing",
                "footer.gongan.missing", "footer.icp.unlinked");
    }

    @Test
    void aFooterWrittenByAnInlineScriptIsRead() {
        assertThat(runAt(YICHUN, fixture("yichun-written-by-script.html"))).isEmpty();
    }

    @Test
    void marksInsideHtmlOrScriptCommentsDoNotCount() {
        String html = yichun(YICHUN_MARKS, "<!-- " + YICHUN_MARKS + " -->"
                + "<script>// document.write('<p>赣ICP备06000141号</p>');\n/* document.write('网站标识码：3609000002'); */</script>");
        assertThat(runAt(YICHUN, html)).extracting(Finding::kind)
                .containsExactlyInAnyOrder("footer.icp.missing", "footer.sitecode.missing");
    }

    @Test
    void aFooterInAFrameIsFollowed() {
        StaticAuditPage page = new StaticAuditPage(YICHUN, fixture("foot-frame.html"))
                .frame(YICHUN + "foot.html", fixture("foot.html"));
        assertThat(run(null, SiteFile.of("中国宜春", YICHUN), page)).isEmpty();
    }

    @Test
    void aFooterFrameThatDidNotLoadMakesEveryMarkUnverifiableNotMissing() {
        List<Finding> findings = runAt(YICHUN, fixture("foot-frame.html"));
        assertThat(findings).extracting(Finding::kind).containsExactlyInAnyOrder("footer.sitecode.unverified",
                "footer.icp.unverified", "footer.gongan.unverified", "footer.conac.unverified", "footer.jiucuo.unverified");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("无法核实", "框架 " + YICHUN + "foot.html", "未能加载");
        });
    }

    @Test
    void aFooterScriptThatDidNotLoadMakesEveryMarkUnverifiableAndIsNamed() {
        String html = fixture("foot-script.html");
        StaticAuditPage page = new StaticAuditPage(YICHUN, html)
                .resource("http://127.0.0.1:8080/js/jquery.min.js", new byte[] {1})
                .resource("http://127.0.0.1:8080/html/jinhu-static/js/visit-record.js", new byte[] {1});
        List<Finding> findings = run(null, SiteFile.of("中国宜春", YICHUN), page);
        assertThat(findings).extracting(Finding::kind).containsExactlyInAnyOrder("footer.sitecode.unverified",
                "footer.icp.unverified", "footer.gongan.unverified", "footer.conac.unverified", "footer.jiucuo.unverified");
        assertThat(findings).allSatisfy(f -> assertThat(f.message())
                .contains("脚本 http://127.0.0.1:8080/include/foot.js").doesNotContain("jquery"));
        StaticAuditPage loaded = new StaticAuditPage(YICHUN, html)
                .resource("http://127.0.0.1:8080/include/foot.js", "document.write('')".getBytes(StandardCharsets.UTF_8));
        assertThat(run(null, SiteFile.of("中国宜春", YICHUN), loaded)).extracting(Finding::kind)
                .contains("footer.icp.missing").doesNotContain("footer.icp.unverified");
    }

    /** The end of the 辽阳 article page (realpages/liaoyang-article.html): an empty footer its scripts fill. */
    private static final String LIAOYANG_END = """
            <!doctype html><html><head><meta charset="utf-8"><title>辽阳</title></head><body><div class="main">
            <p>辽宁省第十四届运动会青少年组现代五项比赛在弓长岭区开幕</p>
                    <!-- footer -->
                    <div id="footer"></div>
                </div>
            <script src="static/js/webbuildercommon.js"></script>
            <script src="static/js/common.min.js"></script>
            %s</body></html>""";

    @Test
    void aHiddenBlockOfLinksInjectedBeforeTheEndOfTheBodyDoesNotMakeAnUnloadedFooterScriptMissing() {
        String injected = "<div style=\"position:absolute;top:-9999px;left:-9999px\"><a href=\"http://www.hg-ty668.example/\">"
                + "皇冠体育</a><a href=\"http://www.lhc-kj.example/\">六合彩开奖</a></div>";
        assertThat(runAt(URL, LIAOYANG_END.formatted(""))).extracting(Finding::kind).contains("footer.icp.unverified");
        List<Finding> findings = runAt(URL, LIAOYANG_END.formatted(injected));
        assertThat(findings).extracting(Finding::kind).contains("footer.icp.unverified", "footer.conac.unverified")
                .noneMatch(k -> k.startsWith("footer.") && k.endsWith(".missing"));
        assertThat(only(findings, "footer.icp.unverified").message()).contains("static/js/webbuildercommon.js");
        // visible text after the scripts still ends the page: the scripts are not where a footer would be
        assertThat(runAt(URL, LIAOYANG_END.formatted("<p>联系我们：辽阳市人民政府办公室</p>"))).extracting(Finding::kind)
                .contains("footer.icp.missing");
    }

    @Test
    void aGonganImageThatDidNotLoadMakesOnlyThatMarkUnverifiable() {
        String html = yichun(YICHUN_GONGAN, "<a href=\"http://www.beian.gov.cn/portal/registerSystemInfo\" target=\"_blank\">"
                + "<img src=\"batb.png\" alt=\"\"></a>");
        List<Finding> findings = runAt(YICHUN, html);
        assertThat(findings).extracting(Finding::kind).containsExactly("footer.gongan.unverified");
        assertThat(findings.get(0).message()).contains("图片 " + YICHUN + "batb.png");
        StaticAuditPage loaded = new StaticAuditPage(YICHUN, html).resource(YICHUN + "batb.png", StaticAuditPage.PNG);
        assertThat(run(null, SiteFile.of("中国宜春", YICHUN), loaded)).extracting(Finding::kind)
                .containsExactly("footer.gongan.missing");
    }
}
