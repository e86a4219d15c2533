package cn.xunjian.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Small attachments written in the test, shaped as county sites publish them: a 公示 list as an Excel sheet (xlsx, or
 * xls as WPS ET saves it), a notice as a Word document, a PDF as iText writes Chinese (the non-embedded
 * {@code STSong-Light} font with the {@code UniGB-UCS2-H} encoding, no font file in the PDF), a PDF cut off in the
 * middle, and a DOCX whose document part inflates a thousandfold (a zip bomb).
 */
final class AttachmentFixtures {
    private AttachmentFixtures() {
    }

    /** A PDF with one line of text per string, in the font iText uses for Chinese when no font is embedded. */
    static byte[] pdf(String... lines) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDResources resources = new PDResources();
            resources.getCOSObject().setItem(COSName.FONT, fonts());
            page.setResources(resources);
            StringBuilder content = new StringBuilder("BT\n/F1 12 Tf\n14 TL\n50 740 Td\n");
            for (String line : lines) {
                content.append('<').append(HexFormat.of().formatHex(line.getBytes(StandardCharsets.UTF_16BE)))
                        .append("> Tj T*\n");
            }
            content.append("ET\n");
            PDStream stream = new PDStream(doc);
            try (OutputStream o = stream.createOutputStream(COSName.FLATE_DECODE)) {
                o.write(content.toString().getBytes(StandardCharsets.US_ASCII));
            }
            page.setContents(stream);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static COSDictionary fonts() {
        COSDictionary system = new COSDictionary();
        system.setItem(COSName.REGISTRY, new COSString("Adobe"));
        system.setItem(COSName.ORDERING, new COSString("GB1"));
        system.setItem(COSName.SUPPLEMENT, COSInteger.get(4));
        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setItem(COSName.FONT_NAME, COSName.getPDFName("STSong-Light"));
        descriptor.setInt(COSName.FLAGS, 6);
        descriptor.setItem(COSName.FONT_BBOX, ints(-25, -254, 1000, 880));
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setInt(COSName.ASCENT, 880);
        descriptor.setInt(COSName.DESCENT, -120);
        descriptor.setInt(COSName.CAP_HEIGHT, 880);
        descriptor.setInt(COSName.STEM_V, 93);
        COSDictionary cid = new COSDictionary();
        cid.setItem(COSName.TYPE, COSName.FONT);
        cid.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
        cid.setItem(COSName.BASE_FONT, COSName.getPDFName("STSong-Light"));
        cid.setItem(COSName.CIDSYSTEMINFO, system);
        cid.setItem(COSName.FONT_DESC, descriptor);
        cid.setInt(COSName.DW, 1000);
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE0);
        font.setItem(COSName.BASE_FONT, COSName.getPDFName("STSong-Light"));
        font.setItem(COSName.ENCODING, COSName.getPDFName("UniGB-UCS2-H"));
        COSArray descendants = new COSArray();
        descendants.add(cid);
        font.setItem(COSName.DESCENDANT_FONTS, descendants);
        COSDictionary fonts = new COSDictionary();
        fonts.setItem(COSName.getPDFName("F1"), font);
        return fonts;
    }

    private static COSArray ints(int... values) {
        COSArray a = new COSArray();
        for (int v : values) {
            a.add(COSInteger.get(v));
        }
        return a;
    }

    /** A Word document: the paragraphs, then a table of the rows (first row the header). */
    static byte[] docx(List<String> paragraphs, List<List<String>> rows) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            if (!rows.isEmpty()) {
                XWPFTable table = doc.createTable(rows.size(), rows.get(0).size());
                for (int r = 0; r < rows.size(); r++) {
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        table.getRow(r).getCell(c).setText(rows.get(r).get(c));
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An Excel 2007+ workbook with one sheet of the rows. */
    static byte[] xlsx(String sheet, List<List<String>> rows) {
        return workbook(new XSSFWorkbook(), sheet, rows);
    }

    /** An Excel 97-2003 workbook (the BIFF8 container WPS ET also writes, served as .et). */
    static byte[] xls(String sheet, List<List<String>> rows) {
        return workbook(new HSSFWorkbook(), sheet, rows);
    }

    private static byte[] workbook(Workbook book, String name, List<List<String>> rows) {
        try (book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(name);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF cut off after its first bytes, as an interrupted upload leaves it. */
    static byte[] brokenPdf() {
        byte[] whole = pdf("临江县2026年度公示", "联系电话：13812345678");
        byte[] cut = new byte[whole.length / 3];
        System.arraycopy(whole, 0, cut, 0, cut.length);
        return cut;
    }

    /**
     * A DOCX whose {@code word/document.xml} is a few kilobytes compressed and {@code inflatedMb} megabytes
     * inflated, nearly all of it one run of spaces: what a zip bomb looks like to a reader.
     */
    static byte[] zipBombDocx(int inflatedMb) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                    + ".wordprocessingml.document.main+xml\"/></Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://"
                    + "schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < inflatedMb; i++) {
                zip.write(spaces);
            }
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
