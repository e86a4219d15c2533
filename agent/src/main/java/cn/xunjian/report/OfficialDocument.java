package cn.xunjian.report;

import java.util.List;

/**
 * A document in 公文 layout (GB/T 9704-2012) as a list of blocks, built once and written as DOCX
 * ({@link DocxWriter}) and PDF ({@link PdfWriter}) alike, so both say the same.
 */
public record OfficialDocument(String title, List<Block> blocks) {
    public OfficialDocument {
        blocks = List.copyOf(blocks);
    }

    /** The typeface roles of GB/T 9704: 小标宋 for the 标志 and the title, 黑体, 楷体 and 仿宋 for the rest. */
    public enum Face {
        XIAOBIAOSONG, HEITI, KAITI, FANGSONG
    }

    /** How a paragraph lines up. */
    public enum Align {
        LEFT, CENTER, RIGHT, INDENT
    }

    /** One block of the document. */
    public sealed interface Block {
    }

    /**
     * A paragraph in one face and size (points); {@code red} for the 发文机关标志; INDENT is the body's two-character
     * first-line indent.
     */
    public record Para(String text, Face face, double size, Align align, boolean red) implements Block {
        public static Para body(String text) {
            return new Para(text, Face.FANGSONG, SIZE_3, Align.INDENT, false);
        }
    }

    /** The red line under the 版头 that separates it from the body. */
    public record RedRule() implements Block {
    }

    /** A table; the first row is the header, widths are relative. */
    public record Table(List<String> header, List<List<String>> rows, List<Integer> widths) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            widths = List.copyOf(widths);
        }
    }

    /** A PNG picture (a screenshot's thumbnail) at {@code widthPt} points wide, with a caption under it. */
    public record Picture(byte[] png, int pixelWidth, int pixelHeight, double widthPt, String caption)
            implements Block {
    }

    /** The next block starts a new page (an annex). */
    public record PageBreak() implements Block {
    }

    /** 三号 (16 pt), the size of the body text. */
    public static final double SIZE_3 = 16;
    /** 二号 (22 pt), the size of the title. */
    public static final double SIZE_2 = 22;
    /** 四号 (14 pt), tables. */
    public static final double SIZE_4 = 14;
    /** 小四 (12 pt). */
    public static final double SIZE_SMALL_4 = 12;
}
