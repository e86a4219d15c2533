package cn.xunjian.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.model.Verdict;
import cn.xunjian.score.IndicatorCatalogue;
import cn.xunjian.vision.TesseractOcrEngine;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficialDocumentsTest {
    private static final String HOME = "http://127.0.0.1/";
    private final IndicatorCatalogue catalogue = IndicatorCatalogue.standard();
    private final DocumentFonts fonts = DocumentFonts.standard();

    @TempDir
    Path runDir;

    private Report report() throws IOException {
        BufferedImage shot = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Files.createDirectories(runDir.resolve("site-01"));
        ImageIO.write(shot, "png", runDir.resolve("site-01/darklink-1.png").toFile());
        List<Finding> portal = List.of(
                Finding.about("W-V1", "darklink.hidden", Severity.VETO, "http://www.xpj.example/", "x", "暗链",
                        List.of(new Evidence("screenshot", "site-01/darklink-1.png", "ab".repeat(32))))
                        .with("text", "澳门新葡京").with("category", "赌博").with("page", HOME),
                new Finding("W-V4", "column.blank", Severity.WARN, HOME + "ghjh/", "空白", List.of())
                        .with("column", "规划计划"),
                new Finding("W-V4", "column.stale", Severity.WARN, HOME + "bmdt/", "过期", List.of())
                        .with("column", "部门动态").with("days", 26),
                Finding.about("W-D1", "link.broken.home", Severity.DEDUCT, HOME + "old.html", "o", "坏链", List.of())
                        .with("text", "旧版网站").with("what", "链接"));
        List<SiteReport> sites = List.of(
                new SiteReport("临江县人民政府", "3301850031", HOME, Verdict.FAILED, null, portal),
                new SiteReport("临江县教育局", "3301850052", HOME + "jyj/", Verdict.PASSED, 100.0, List.of()),
                new SiteReport("临江县应急管理局", "3301850045", HOME + "yj/", Verdict.FAILED, null, List.of(
                        new Finding("W-V2", "availability.failed", Severity.VETO, HOME + "yj/", "503", List.of()))));
        return new Report("2026-11-22T02:00:00+08:00", Summary.of(sites), sites);
    }

    private Circular circular(CircularSettings settings) throws IOException {
        return Circular.of(report(), catalogue, CircularTemplate.standard(), settings, ProblemLines.standard());
    }

    private byte[] docx(OfficialDocument d) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DocxWriter(fonts).write(d, out);
        return out.toByteArray();
    }

    private byte[] pdf(OfficialDocument d) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfWriter(fonts).write(d, out);
        return out.toByteArray();
    }

    @Test
    void theCircularDocxHasTheRedMastheadTheNumberTheSectionsAndOneAnnexRowPerSiteWithProblems() throws IOException {
        Circular c = circular(CircularSettings.standard());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx(CircularDocument.of(c))))) {
            List<XWPFParagraph> ps = doc.getParagraphs();
            XWPFRun mark = ps.get(0).getRuns().get(0);
            assertThat(ps.get(0).getText()).isEqualTo("临江县人民政府办公室文件");
            assertThat(mark.getColor()).isEqualTo("FF0000");
            List<String> texts = ps.stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).contains("临政办〔2026〕1号", "关于2026年第四季度政府网站检查情况的通报",
                    "各乡镇人民政府，县政府各部门、各直属单位：", "一、总体情况", "二、存在的主要问题", "三、工作要求",
                    "（一）网站无法访问", "（二）内容审核不够严格", "（三）信息更新不及时", "（四）功能建设不够完善",
                    "临江县人民政府办公室　　", "2026年11月22日　　　　", "附件");
            assertThat(texts).anyMatch(t -> t.equals(
                    "临江县人民政府网站空白栏目1个（规划计划）；“部门动态”栏目26天未更新。"));
            assertThat(texts).anyMatch(t -> t.contains("整改情况于2026年12月7日前报送县政府办公室政务公开科"));
            XWPFParagraph body = ps.stream().filter(p -> p.getText().startsWith("根据")).findFirst().orElseThrow();
            assertThat(body.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋_GB2312");
            assertThat(body.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(16.0);
            XWPFParagraph section = ps.stream().filter(p -> p.getText().equals("一、总体情况")).findFirst().orElseThrow();
            assertThat(section.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("黑体");
            var fontTable = doc.getPackage().getPartsByName(java.util.regex.Pattern.compile("/word/fontTable.xml"));
            assertThat(fontTable).singleElement().satisfies(part -> assertThat(
                    new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"Noto Serif CJK SC\"/>"));
            assertThat(doc.getTables()).hasSize(1);
            XWPFTable annex = doc.getTables().get(0);
            assertThat(annex.getRow(0).getTableCells()).extracting(cell -> cell.getText())
                    .containsExactly("序号", "网站名称", "网站标识码", "存在问题");
            assertThat(annex.getRows()).hasSize(1 + c.annex().size());
            assertThat(c.annex()).hasSize(2);
            assertThat(annex.getRow(1).getCell(1).getText()).isEqualTo("临江县人民政府");
            assertThat(annex.getRow(1).getCell(3).getText())
                    .contains("首页存在暗链（指向“澳门新葡京”等赌博网站）（单项否决）").contains("空白栏目1个（规划计划）")
                    .contains("首页链接“旧版网站”不可用");
            assertThat(annex.getRow(2).getCell(2).getText()).isEqualTo("3301850045");
        }
    }

    @Test
    void aMonthlyCircularIsDatedByTheMonthOfTheRun() throws IOException {
        CircularSettings d = CircularSettings.standard();
        Circular c = circular(new CircularSettings(d.issuer(), d.issuerMark(), "江政办〔{year}〕7号", List.of("各部门"),
                d.signer(), 10, d.replyTo(), CircularSettings.Period.month));
        assertThat(c.title()).isEqualTo("关于2026年11月份政府网站检查情况的通报");
        assertThat(c.masthead().documentNumber()).isEqualTo("江政办〔2026〕7号");
        assertThat(c.masthead().deadline()).isEqualTo("2026年12月2日");
    }

    @Test
    void theCircularPdfCarriesChineseTextThatExtractsAndThatOcrReadsBack() throws IOException {
        Circular c = circular(CircularSettings.standard());
        byte[] bytes = pdf(CircularDocument.of(c));
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains("临江县人民政府办公室文件").contains("关于2026年第四季度政府网站检查情况的通报")
                    .contains("二、存在的主要问题").contains("序号").contains("网站标识码").contains("3301850031");
            PDFRenderer renderer = new PDFRenderer(pdf);
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                PDFTextStripper onePage = new PDFTextStripper();
                onePage.setStartPage(i + 1);
                onePage.setEndPage(i + 1);
                assertThat(onePage.getText(pdf)).as("page %d", i + 1).containsPattern("[\\u4e00-\\u9fff]{4}");
                assertThat(inked(renderer.renderImageWithDPI(i, 36))).as("page %d", i + 1).isGreaterThan(500);
            }
            BufferedImage page = renderer.renderImageWithDPI(0, 150);
            // the title's band: glyphs drawn from real outlines read back as the title, boxes would not
            BufferedImage band = page.getSubimage(0, (int) (page.getHeight() * 0.22), page.getWidth(),
                    (int) (page.getHeight() * 0.12));
            String read = new TesseractOcrEngine().read(band).replaceAll("\\s+", "");
            assertThat(read).contains("政府网站检查情况");
        }
    }

    /** How many pixels of the page are dark: the glyphs drawn. */
    private static int inked(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                dark += grey < 128 ? 1 : 0;
            }
        }
        return dark;
    }

    @Test
    void aRectificationNoticeNamesEachFindingsUrlIndicatorEvidenceHashAndShowsTheScreenshot() throws IOException {
        Report report = report();
        Circular c = circular(CircularSettings.standard());
        OfficialDocument notice = new RectificationNotice(catalogue, ProblemLines.standard(), 12)
                .of(report.sites().get(0), report.generatedAt(), c.masthead(), c.issuer(), runDir);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx(notice)))) {
            String all = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(all).contains("关于临江县人民政府网站存在问题限期整改的通知书")
                    .contains("于2026年12月7日前完成，并将整改情况报送县政府办公室政务公开科")
                    .contains("（一）首页存在暗链（指向“澳门新葡京”等赌博网站）（单项否决）")
                    .contains("网址：http://www.xpj.example/")
                    .contains("指标：W-V1 安全、泄密事故等严重问题（单项否决）")
                    .contains("证据：site-01/darklink-1.png（SHA-256：" + "ab".repeat(32) + "）")
                    .contains("截图：site-01/darklink-1.png");
            assertThat(doc.getAllPictures()).hasSize(1);
        }
        try (PDDocument pdf = Loader.loadPDF(pdf(notice))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "").replaceAll("—\\d+—", "");
            assertThat(text).contains("限期整改的通知书").contains("SHA-256：" + "ab".repeat(32));
            assertThat(pdf.getPage(0).getResources().getXObjectNames()).hasSize(1);
        }
    }
}
