package cn.xunjian.report;

import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType3Font;

/**
 * Embeds the glyphs of a Noto CJK font into a PDF as Type 3 fonts, each glyph its outline taken from the font's CFF
 * table, with a ToUnicode map so the text can be searched and extracted. PDFBox embeds TrueType outlines only: the
 * Noto CJK fonts Debian ships ({@code fonts-noto-cjk}) are OpenType collections with CFF outlines, which it can
 * neither subset nor embed whole ("OTF fonts do not have a glyf table"), and the machine has no other CJK font.
 * A Type 3 font holds at most 255 codes, so a document gets as many of them per face as its characters need; only
 * the characters used are embedded.
 */
final class CjkGlyphFonts {
    /** Parsed collections are large (20 MB) and slow to read (a second); they are read once per process. */
    private static final Map<String, TrueTypeCollection> COLLECTIONS = new ConcurrentHashMap<>();
    private static final Map<String, TrueTypeFont> FONTS = new ConcurrentHashMap<>();
    private static final int CODES_PER_FONT = 255;

    private final OpenTypeFont font;
    private final float unitsPerEm;
    private final List<Slot> slots = new ArrayList<>();
    private final Map<Integer, Code> codes = new LinkedHashMap<>();

    /** Where one character went: a font of this face and the byte that shows it there. */
    record Code(int slot, int code, float advance) {
    }

    /** One Type 3 font of the face and the characters (code points) it holds, in code order from 1. */
    private record Slot(List<Integer> chars) {
    }

    CjkGlyphFonts(String collection, String name) throws IOException {
        TrueTypeCollection ttc = COLLECTIONS.computeIfAbsent(collection, path -> {
            try {
                return new TrueTypeCollection(new File(path));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        TrueTypeFont f = FONTS.get(collection + "\n" + name);
        if (f == null) {
            synchronized (ttc) {
                f = ttc.getFontByName(name);
            }
            if (f != null) {
                FONTS.putIfAbsent(collection + "\n" + name, f);
                f = FONTS.get(collection + "\n" + name);
            }
        }
        if (!(f instanceof OpenTypeFont otf)) {
            throw new IOException("no OpenType font " + name + " in " + collection
                    + " (the Debian package fonts-noto-cjk provides it)");
        }
        this.font = otf;
        this.unitsPerEm = otf.getUnitsPerEm();
    }

    /** The code of {@code codePoint}, assigning it a place on first use; its advance is in 1/1000 em. */
    synchronized Code code(int codePoint) throws IOException {
        Code known = codes.get(codePoint);
        if (known != null) {
            return known;
        }
        if (slots.isEmpty() || slots.get(slots.size() - 1).chars().size() >= CODES_PER_FONT) {
            slots.add(new Slot(new ArrayList<>()));
        }
        Slot slot = slots.get(slots.size() - 1);
        slot.chars().add(codePoint);
        float advance;
        synchronized (font) {
            advance = font.getAdvanceWidth(glyph(codePoint)) * 1000f / unitsPerEm;
        }
        Code c = new Code(slots.size() - 1, slot.chars().size(), advance);
        codes.put(codePoint, c);
        return c;
    }

    /** The advance of {@code codePoint} at {@code size} points. */
    float width(int codePoint, double size) throws IOException {
        return (float) (code(codePoint).advance() * size / 1000);
    }

    int slots() {
        return slots.size();
    }

    /** Builds the Type 3 font of slot {@code i} with the glyphs assigned to it so far. */
    PDType3Font build(PDDocument doc, int i) throws IOException {
        List<Integer> chars = slots.get(i).chars();
        COSDictionary dict = new COSDictionary();
        dict.setItem(COSName.TYPE, COSName.FONT);
        dict.setItem(COSName.SUBTYPE, COSName.getPDFName("Type3"));
        dict.setItem(COSName.FONT_BBOX, numbers(0, -200, 1000, 1000));
        dict.setItem(COSName.FONT_MATRIX, numbers(0.001f, 0, 0, 0.001f, 0, 0));
        COSDictionary procs = new COSDictionary();
        COSArray differences = new COSArray();
        differences.add(COSInteger.ONE);
        COSArray widths = new COSArray();
        for (int c = 0; c < chars.size(); c++) {
            int cp = chars.get(c);
            String glyphName = "g" + Integer.toHexString(cp);
            differences.add(COSName.getPDFName(glyphName));
            Code code = codes.get(cp);
            widths.add(new COSFloat(code.advance()));
            procs.setItem(COSName.getPDFName(glyphName), stream(doc, glyphProc(cp, code.advance())));
        }
        dict.setItem(COSName.CHAR_PROCS, procs);
        COSDictionary encoding = new COSDictionary();
        encoding.setItem(COSName.TYPE, COSName.ENCODING);
        encoding.setItem(COSName.DIFFERENCES, differences);
        dict.setItem(COSName.ENCODING, encoding);
        dict.setInt(COSName.FIRST_CHAR, 1);
        dict.setInt(COSName.LAST_CHAR, chars.size());
        dict.setItem(COSName.WIDTHS, widths);
        dict.setItem(COSName.RESOURCES, new COSDictionary());
        dict.setItem(COSName.TO_UNICODE, stream(doc, toUnicode(chars)));
        return new PDType3Font(dict);
    }

    private int glyph(int codePoint) throws IOException {
        return font.getUnicodeCmapLookup().getGlyphId(codePoint);
    }

    /** The glyph's outline, filled in the current colour ({@code d1}: the text's colour, red for the 标志). */
    private byte[] glyphProc(int codePoint, float advance) throws IOException {
        GeneralPath path;
        synchronized (font) {
            int gid = glyph(codePoint);
            path = gid == 0 ? new GeneralPath() : font.getPath("g" + gid);
        }
        float scale = 1000f / unitsPerEm;
        StringBuilder s = new StringBuilder();
        s.append(n(advance)).append(" 0 0 -200 1000 1000 d1\n");
        float[] c = new float[6];
        float lastX = 0;
        float lastY = 0;
        boolean any = false;
        for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            for (int k = 0; k < 6; k++) {
                c[k] *= scale;
            }
            switch (type) {
                case PathIterator.SEG_MOVETO -> {
                    s.append(n(c[0])).append(' ').append(n(c[1])).append(" m\n");
                    lastX = c[0];
                    lastY = c[1];
                }
                case PathIterator.SEG_LINETO -> {
                    s.append(n(c[0])).append(' ').append(n(c[1])).append(" l\n");
                    lastX = c[0];
                    lastY = c[1];
                }
                case PathIterator.SEG_QUADTO -> {
                    float x1 = lastX + 2f / 3 * (c[0] - lastX);
                    float y1 = lastY + 2f / 3 * (c[1] - lastY);
                    float x2 = c[2] + 2f / 3 * (c[0] - c[2]);
                    float y2 = c[3] + 2f / 3 * (c[1] - c[3]);
                    s.append(n(x1)).append(' ').append(n(y1)).append(' ').append(n(x2)).append(' ').append(n(y2))
                            .append(' ').append(n(c[2])).append(' ').append(n(c[3])).append(" c\n");
                    lastX = c[2];
                    lastY = c[3];
                }
                case PathIterator.SEG_CUBICTO -> {
                    s.append(n(c[0])).append(' ').append(n(c[1])).append(' ').append(n(c[2])).append(' ')
                            .append(n(c[3])).append(' ').append(n(c[4])).append(' ').append(n(c[5])).append(" c\n");
                    lastX = c[4];
                    lastY = c[5];
                }
                default -> s.append("h\n");
            }
            any = true;
        }
        if (any) {
            s.append("f\n");
        }
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] toUnicode(List<Integer> chars) {
        StringBuilder s = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                + "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                + "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n");
        for (int from = 0; from < chars.size(); from += 100) {
            int to = Math.min(chars.size(), from + 100);
            s.append(to - from).append(" beginbfchar\n");
            for (int c = from; c < to; c++) {
                StringBuilder utf16 = new StringBuilder();
                for (char ch : Character.toChars(chars.get(c))) {
                    utf16.append(String.format(Locale.ROOT, "%04X", (int) ch));
                }
                s.append(String.format(Locale.ROOT, "<%02X> <%s>\n", c + 1, utf16));
            }
            s.append("endbfchar\n");
        }
        s.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static COSStream stream(PDDocument doc, byte[] bytes) throws IOException {
        COSStream stream = doc.getDocument().createCOSStream();
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(bytes);
        }
        return stream;
    }

    private static COSArray numbers(float... values) {
        COSArray a = new COSArray();
        for (float v : values) {
            a.add(new COSFloat(v));
        }
        return a;
    }

    private static String n(float v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
