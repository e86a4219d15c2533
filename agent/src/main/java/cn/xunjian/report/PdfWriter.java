package cn.xunjian.report;

import cn.xunjian.report.OfficialDocument.Align;
import cn.xunjian.report.OfficialDocument.Face;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes an {@link OfficialDocument} as PDF with PDFBox, laid out as {@link DocxWriter} lays out the DOCX (A4,
 * GB/T 9704 margins, 三号 body at a fixed 28.95 pt line, 页码 “— 1 —” at the foot), with the Noto CJK glyphs
 * embedded ({@link CjkGlyphFonts}) so it opens the same anywhere. Lines break between any two characters, except
 * that closing punctuation stays on the line it closes.
 */
public final class PdfWriter {
    private static final float PAGE_W = PDRectangle.A4.getWidth();
    private static final float PAGE_H = PDRectangle.A4.getHeight();
    private static final float MM = 72f / 25.4f;
    private static final float LEFT = 28 * MM;
    private static final float RIGHT = 26 * MM;
    private static final float TOP = 37 * MM;
    private static final float BOTTOM = 35 * MM;
    private static final float WIDTH = PAGE_W - LEFT - RIGHT;
    private static final float BODY_LINE = 28.95f;
    private static final double TABLE_SIZE = OfficialDocument.SIZE_SMALL_4;
    private static final String CLOSING = "，。、；：？！）》」』”’,.;:?!)%";

    private final DocumentFonts fonts;

    public PdfWriter(DocumentFonts fonts) {
        this.fonts = fonts;
    }

    /** Writes the document; {@code out} is left open. */
    public void write(OfficialDocument document, OutputStream out) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            pdf.getDocumentInformation().setTitle(document.title());
            pdf.getDocumentInformation().setCreator("巡检 Xunjian");
            Layout layout = new Layout(pdf);
            for (OfficialDocument.Block block : document.blocks()) {
                if (block instanceof OfficialDocument.Para p) {
                    layout.paragraph(p);
                } else if (block instanceof OfficialDocument.RedRule) {
                    layout.redRule();
                } else if (block instanceof OfficialDocument.Table t) {
                    layout.table(t);
                } else if (block instanceof OfficialDocument.Picture pic) {
                    layout.picture(pic);
                } else if (block instanceof OfficialDocument.PageBreak) {
                    layout.newPage();
                }
            }
            layout.finish();
            pdf.save(out);
        }
    }

    /** One line of text and how wide it is. */
    private record Line(String text, float width) {
    }

    /** Lays the blocks out page by page into content streams, then builds the fonts the text used. */
    private final class Layout {
        private final PDDocument pdf;
        private final Map<Face, CjkGlyphFonts> faces = new EnumMap<>(Face.class);
        private final List<StringBuilder> pages = new ArrayList<>();
        private final List<PDImageXObject> images = new ArrayList<>();
        private StringBuilder page;
        private float y;

        Layout(PDDocument pdf) {
            this.pdf = pdf;
            newPage();
        }

        void newPage() {
            if (page != null && y == PAGE_H - TOP) {
                return;
            }
            page = new StringBuilder();
            pages.add(page);
            y = PAGE_H - TOP;
        }

        private CjkGlyphFonts face(Face face) throws IOException {
            CjkGlyphFonts f = faces.get(face);
            if (f == null) {
                DocumentFonts.Font font = fonts.of(face);
                f = new CjkGlyphFonts(font.pdf(), font.pdfFont());
                faces.put(face, f);
            }
            return f;
        }

        void paragraph(OfficialDocument.Para p) throws IOException {
            float lineHeight = (float) Math.max(BODY_LINE, p.size() * 1.5);
            if (p.text().isEmpty()) {
                advance(lineHeight);
                return;
            }
            float indent = p.align() == Align.INDENT ? (float) (2 * p.size()) : 0;
            List<Line> lines = wrap(p.text(), p.face(), p.size(), WIDTH, indent);
            for (int i = 0; i < lines.size(); i++) {
                advance(lineHeight);
                Line line = lines.get(i);
                float x = switch (p.align()) {
                    case CENTER -> LEFT + (WIDTH - line.width()) / 2;
                    case RIGHT -> LEFT + WIDTH - line.width();
                    case LEFT -> LEFT;
                    case INDENT -> LEFT + (i == 0 ? indent : 0);
                };
                // the baseline sits a little above the line's foot, as Word sets an exact line
                text(line.text(), p.face(), p.size(), x, y + (lineHeight - (float) p.size()) / 2, p.red());
            }
        }

        /** Moves down by {@code height}, to a new page when the page has no room. */
        private void advance(float height) {
            if (y - height < BOTTOM) {
                newPage();
            }
            y -= height;
        }

        void redRule() {
            advance(8);
            page.append(String.format(Locale.ROOT, "q 1 0 0 RG 1.2 w %.2f %.2f m %.2f %.2f l S Q\n", LEFT, y,
                    LEFT + WIDTH, y));
        }

        void table(OfficialDocument.Table t) throws IOException {
            int total = t.widths().stream().mapToInt(Integer::intValue).sum();
            float[] widths = new float[t.widths().size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = WIDTH * t.widths().get(i) / total;
            }
            advance(6);
            row(t.header(), widths, Face.HEITI, true);
            for (List<String> r : t.rows()) {
                row(r, widths, Face.FANGSONG, false);
            }
        }

        private void row(List<String> cells, float[] widths, Face face, boolean header) throws IOException {
            float pad = 4;
            float lineHeight = (float) (TABLE_SIZE * 1.6);
            List<List<Line>> wrapped = new ArrayList<>();
            int most = 1;
            for (int c = 0; c < cells.size(); c++) {
                List<Line> lines = new ArrayList<>();
                for (String part : cells.get(c).split("\n", -1)) {
                    lines.addAll(wrap(part, face, TABLE_SIZE, widths[c] - 2 * pad, 0));
                }
                wrapped.add(lines);
                most = Math.max(most, lines.size());
            }
            float height = most * lineHeight + 2 * pad;
            if (y - height < BOTTOM) {
                newPage();
            }
            float top = y;
            float x = LEFT;
            for (int c = 0; c < cells.size(); c++) {
                page.append(String.format(Locale.ROOT, "q 0.6 w %.2f %.2f %.2f %.2f re S Q\n", x, top - height,
                        widths[c], height));
                List<Line> lines = wrapped.get(c);
                boolean centred = header || c < cells.size() - 1;
                for (int i = 0; i < lines.size(); i++) {
                    Line line = lines.get(i);
                    float lx = centred ? x + (widths[c] - line.width()) / 2 : x + pad;
                    float baseline = top - pad - (i + 1) * lineHeight + (lineHeight - (float) TABLE_SIZE) / 2;
                    text(line.text(), face, TABLE_SIZE, lx, baseline, false);
                }
                x += widths[c];
            }
            y = top - height;
        }

        void picture(OfficialDocument.Picture pic) throws IOException {
            float w = (float) pic.widthPt();
            float h = w * pic.pixelHeight() / Math.max(1, pic.pixelWidth());
            if (y - h - BODY_LINE < BOTTOM) {
                newPage();
            }
            y -= h + 4;
            PDImageXObject image = PDImageXObject.createFromByteArray(pdf, pic.png(), "screenshot.png");
            images.add(image);
            page.append(String.format(Locale.ROOT, "q %.2f 0 0 %.2f %.2f %.2f cm /Im%d Do Q\n", w, h,
                    LEFT + (WIDTH - w) / 2, y, images.size()));
            paragraph(new OfficialDocument.Para(pic.caption(), Face.FANGSONG, OfficialDocument.SIZE_SMALL_4,
                    Align.CENTER, false));
        }

        private List<Line> wrap(String text, Face face, double size, float width, float firstIndent)
                throws IOException {
            CjkGlyphFonts glyphs = face(face);
            List<Line> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float used = 0;
            float room = width - firstIndent;
            for (String unit : units(text)) {
                float w = 0;
                for (int cp : unit.codePoints().toArray()) {
                    w += glyphs.width(cp, size);
                }
                boolean hangs = CLOSING.indexOf(unit.codePointAt(0)) >= 0;
                if (used + w > room && line.length() > 0 && !hangs) {
                    lines.add(new Line(line.toString(), used));
                    line.setLength(0);
                    used = 0;
                    room = width;
                }
                if (w > room && unit.length() > 1) {
                    // a word longer than the line (a URL, a hash) breaks where it must
                    for (int cp : unit.codePoints().toArray()) {
                        float cw = glyphs.width(cp, size);
                        if (used + cw > room && line.length() > 0) {
                            lines.add(new Line(line.toString(), used));
                            line.setLength(0);
                            used = 0;
                            room = width;
                        }
                        line.appendCodePoint(cp);
                        used += cw;
                    }
                    continue;
                }
                line.append(unit);
                used += w;
            }
            if (line.length() > 0 || lines.isEmpty()) {
                lines.add(new Line(line.toString(), used));
            }
            return noOrphan(lines, glyphs, size);
        }

        /** A last line of one character takes the character before it along (通报, not 报 alone). */
        private List<Line> noOrphan(List<Line> lines, CjkGlyphFonts glyphs, double size) throws IOException {
            int n = lines.size();
            if (n < 2 || lines.get(n - 1).text().codePointCount(0, lines.get(n - 1).text().length()) != 1) {
                return lines;
            }
            String prev = lines.get(n - 2).text();
            int cut = prev.offsetByCodePoints(prev.length(), -1);
            int moved = prev.codePointAt(cut);
            float w = glyphs.width(moved, size);
            List<Line> out = new ArrayList<>(lines.subList(0, n - 2));
            out.add(new Line(prev.substring(0, cut), lines.get(n - 2).width() - w));
            String last = prev.substring(cut) + lines.get(n - 1).text();
            out.add(new Line(last, lines.get(n - 1).width() + w));
            return out;
        }

        /** Shows {@code text} with its baseline at ({@code x}, {@code baseline}). */
        private void text(String text, Face face, double size, float x, float baseline, boolean red)
                throws IOException {
            CjkGlyphFonts glyphs = face(face);
            StringBuilder s = new StringBuilder();
            s.append(red ? "1 0 0 rg\n" : "0 g\n");
            s.append(String.format(Locale.ROOT, "BT 1 0 0 1 %.2f %.2f Tm\n", x, baseline));
            int slot = -1;
            StringBuilder hex = new StringBuilder();
            for (int cp : text.codePoints().toArray()) {
                CjkGlyphFonts.Code code = glyphs.code(cp);
                if (code.slot() != slot) {
                    if (hex.length() > 0) {
                        s.append('<').append(hex).append("> Tj\n");
                        hex.setLength(0);
                    }
                    slot = code.slot();
                    s.append(String.format(Locale.ROOT, "/%s %.1f Tf\n", fontName(face, slot), size));
                }
                hex.append(String.format(Locale.ROOT, "%02X", code.code()));
            }
            if (hex.length() > 0) {
                s.append('<').append(hex).append("> Tj\n");
            }
            s.append("ET\n0 g\n");
            page.append(s);
        }

        void finish() throws IOException {
            PDResources resources = new PDResources();
            for (int i = 0; i < images.size(); i++) {
                resources.put(COSName.getPDFName("Im" + (i + 1)), images.get(i));
            }
            // page numbers first: their digits and dashes must be in the fonts built below
            List<StringBuilder> all = List.copyOf(pages);
            for (int i = 0; i < all.size(); i++) {
                page = all.get(i);
                String number = "— " + (i + 1) + " —";
                Line l = wrap(number, Face.FANGSONG, OfficialDocument.SIZE_4, WIDTH, 0).get(0);
                text(number, Face.FANGSONG, OfficialDocument.SIZE_4, LEFT + (WIDTH - l.width()) / 2, BOTTOM - 28,
                        false);
            }
            for (Map.Entry<Face, CjkGlyphFonts> e : faces.entrySet()) {
                for (int s = 0; s < e.getValue().slots(); s++) {
                    resources.put(COSName.getPDFName(fontName(e.getKey(), s)), e.getValue().build(pdf, s));
                }
            }
            for (StringBuilder content : all) {
                PDPage p = new PDPage(PDRectangle.A4);
                p.setResources(resources);
                PDStream stream = new PDStream(pdf);
                try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                    out.write(content.toString().getBytes(StandardCharsets.US_ASCII));
                }
                p.setContents(stream);
                pdf.addPage(p);
            }
        }
    }

    /** The text as units that a line may not split: a run of Latin letters and digits, or one character. */
    static List<String> units(String text) {
        List<String> units = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int cp : text.codePoints().toArray()) {
            boolean latin = cp > 0x20 && cp < 0x7F && CLOSING.indexOf(cp) < 0;
            if (latin) {
                word.appendCodePoint(cp);
                continue;
            }
            if (word.length() > 0) {
                units.add(word.toString());
                word.setLength(0);
            }
            units.add(new String(Character.toChars(cp)));
        }
        if (word.length() > 0) {
            units.add(word.toString());
        }
        return units;
    }

    private static String fontName(Face face, int slot) {
        return face.name().charAt(0) + face.name().substring(1, 3).toLowerCase(Locale.ROOT) + slot;
    }
}
