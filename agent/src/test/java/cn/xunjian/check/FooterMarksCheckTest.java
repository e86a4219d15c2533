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
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
