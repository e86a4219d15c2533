package cn.xunjian.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;
import java.nio.charset.StandardCharsets;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;

/**
 * Writes an {@link OfficialDocument} as DOCX with Apache POI (XWPF), in the layout of GB/T 9704-2012: A4, margins
 * 37 mm top, 35 mm bottom, 28 mm left, 26 mm right; body in 三号仿宋 at a fixed 28.95 pt line (22 lines a page),
 * first lines indented two characters; the 发文机关标志 in red 小标宋 and a red rule under the 版头.
 */
public final class DocxWriter {
    private static final int TWIPS_PER_MM = 1440 * 10 / 254;
    private static final double LINE = 28.95;

    private final DocumentFonts fonts;

    public DocxWriter(DocumentFonts fonts) {
        this.fonts = fonts;
    }

    /** Writes the document; {@code out} is left open. */
    public void write(OfficialDocument document, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle(document.title());
            doc.getProperties().getCoreProperties().setCreator("巡检 Xunjian");
            page(doc);
            boolean breakBefore = false;
            for (OfficialDocument.Block block : document.blocks()) {
                if (block instanceof OfficialDocument.Para p) {
                    paragraph(doc, p, breakBefore);
                    breakBefore = false;
                } else if (block instanceof OfficialDocument.RedRule) {
                    redRule(doc);
                } else if (block instanceof OfficialDocument.Table t) {
                    table(doc, t);
                } else if (block instanceof OfficialDocument.Picture pic) {
                    picture(doc, pic);
                } else if (block instanceof OfficialDocument.PageBreak) {
                    breakBefore = true;
                }
            }
            fontTable(doc);
            doc.write(out);
        }
    }

    /**
     * The font table names, for each 公文 face, the font a machine without it shows instead ({@code w:altName}): the
     * Noto CJK font this machine has and the PDF embeds.
     */
    private void fontTable(XWPFDocument doc) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        for (OfficialDocument.Face face : OfficialDocument.Face.values()) {
            DocumentFonts.Font f = fonts.of(face);
            xml.append("<w:font w:name=\"").append(f.docx()).append("\"><w:altName w:val=\"").append(f.fallback())
                    .append("\"/><w:charset w:val=\"86\"/><w:family w:val=\"")
                    .append(face == OfficialDocument.Face.HEITI ? "modern" : "roman").append("\"/></w:font>");
        }
        xml.append("</w:fonts>");
        try {
            PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
            PackagePart part = doc.getPackage().createPart(name, XWPFRelation.FONT_TABLE.getContentType());
            try (OutputStream o = part.getOutputStream()) {
                o.write(xml.toString().getBytes(StandardCharsets.UTF_8));
            }
            doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL, XWPFRelation.FONT_TABLE.getRelation());
        } catch (InvalidFormatException e) {
            throw new IOException("cannot add the font table: " + e.getMessage(), e);
        }
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(37L * TWIPS_PER_MM));
        mar.setBottom(BigInteger.valueOf(35L * TWIPS_PER_MM));
        mar.setLeft(BigInteger.valueOf(28L * TWIPS_PER_MM));
        mar.setRight(BigInteger.valueOf(26L * TWIPS_PER_MM));
    }

    private void paragraph(XWPFDocument doc, OfficialDocument.Para p, boolean breakBefore) {
        XWPFParagraph para = doc.createParagraph();
        para.setPageBreak(breakBefore);
        para.setAlignment(switch (p.align()) {
            case CENTER -> ParagraphAlignment.CENTER;
            case RIGHT -> ParagraphAlignment.RIGHT;
            case LEFT, INDENT -> ParagraphAlignment.BOTH;
        });
        if (p.align() == OfficialDocument.Align.INDENT) {
            para.setIndentationFirstLine((int) Math.round(2 * p.size() * 20));
        }
        para.setSpacingBetween(Math.max(LINE, p.size() * 1.5), LineSpacingRule.EXACT);
        para.setSpacingAfter(0);
        para.setSpacingBefore(0);
        run(para, p.text(), p.face(), p.size(), p.red());
    }

    private void run(XWPFParagraph para, String text, OfficialDocument.Face face, double size, boolean red) {
        XWPFRun run = para.createRun();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
        run.setFontSize(size);
        String name = fonts.of(face).docx();
        for (XWPFRun.FontCharRange range : XWPFRun.FontCharRange.values()) {
            run.setFontFamily(name, range);
        }
        if (red) {
            run.setColor("FF0000");
        }
    }

    private static void redRule(XWPFDocument doc) {
        XWPFParagraph para = doc.createParagraph();
        para.setSpacingAfter(0);
        CTBorder bottom = para.getCTP().addNewPPr().addNewPBdr().addNewBottom();
        bottom.setVal(STBorder.SINGLE);
        bottom.setSz(BigInteger.valueOf(12));
        bottom.setColor("FF0000");
        bottom.setSpace(BigInteger.ONE);
    }

    private void table(XWPFDocument doc, OfficialDocument.Table t) {
        XWPFTable table = doc.createTable(t.rows().size() + 1, t.header().size());
        table.setWidthType(TableWidthType.PCT);
        table.setWidth("100%");
        int total = t.widths().stream().mapToInt(Integer::intValue).sum();
        fill(table.getRow(0), t.header(), t.widths(), total, OfficialDocument.Face.HEITI);
        for (int r = 0; r < t.rows().size(); r++) {
            fill(table.getRow(r + 1), t.rows().get(r), t.widths(), total, OfficialDocument.Face.FANGSONG);
        }
    }

    private void fill(XWPFTableRow row, List<String> cells, List<Integer> widths, int total,
                      OfficialDocument.Face face) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            cell.setWidthType(TableWidthType.PCT);
            cell.setWidth(String.format(java.util.Locale.ROOT, "%d%%", Math.round(100.0 * widths.get(c) / total)));
            XWPFParagraph para = cell.getParagraphs().get(0);
            para.setAlignment(c == cells.size() - 1 && face == OfficialDocument.Face.FANGSONG
                    ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
            run(para, cells.get(c), face, OfficialDocument.SIZE_4, false);
        }
    }

    private void picture(XWPFDocument doc, OfficialDocument.Picture pic) throws IOException {
        XWPFParagraph para = doc.createParagraph();
        para.setAlignment(ParagraphAlignment.CENTER);
        double height = pic.widthPt() * pic.pixelHeight() / Math.max(1, pic.pixelWidth());
        try {
            para.createRun().addPicture(new ByteArrayInputStream(pic.png()), Document.PICTURE_TYPE_PNG,
                    "screenshot.png", Units.toEMU(pic.widthPt()), Units.toEMU(height));
        } catch (InvalidFormatException e) {
            throw new IOException("cannot embed picture: " + e.getMessage(), e);
        }
        XWPFParagraph caption = doc.createParagraph();
        caption.setAlignment(ParagraphAlignment.CENTER);
        run(caption, pic.caption(), OfficialDocument.Face.FANGSONG, OfficialDocument.SIZE_SMALL_4, false);
    }
}
