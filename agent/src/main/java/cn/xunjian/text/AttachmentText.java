package cn.xunjian.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.extractor.ExtractorFactory;
import org.apache.poi.extractor.POITextExtractor;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.extractor.ExcelExtractor;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;

/**
 * The text of an attachment: PDF with PDFBox; Word and Excel, old (OLE2: doc, xls, and WPS's wps and et, which
 * are the same containers) and new (OOXML: docx, xlsx), with POI. The format is told by the file's first bytes,
 * not its name. Bounded: at most {@code maxPdfPages} pages and {@code maxTextChars} characters are kept, a PDF's
 * streams may not inflate beyond {@code maxExpandedBytes} in memory, and a zip entry that inflates far beyond its
 * compressed size (a zip bomb) stops the reading. A file that cannot be read is {@link Unreadable}, with the reason
 * in Chinese, never an exception; so is one without any text (a scan), since nothing in it could be checked.
 */
final class AttachmentText {
    /** What kind of document an attachment turned out to be, by its content. */
    enum Format {
        PDF("PDF"), WORD("Word"), EXCEL("Excel"), OFFICE("Office"), OTHER("其他格式");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** What reading an attachment came to. */
    sealed interface Result permits Read, Unreadable {
        Format format();
    }

    /**
     * The text, as the library gives it (one line per paragraph or table row).
     *
     * @param truncated true when the text was cut at {@code maxTextChars} or the PDF at {@code maxPdfPages}
     */
    record Read(Format format, String text, boolean truncated) implements Result {
    }

    /** Not read: broken, encrypted, a zip bomb, or no format we read. */
    record Unreadable(Format format, String reason) implements Result {
    }

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};

    private final AttachmentRules rules;

    AttachmentText(AttachmentRules rules) {
        this.rules = rules;
        // POI keeps these guards in statics; every reader in this JVM gets the same, so setting them is idempotent
        ZipSecureFile.setMinInflateRatio(rules.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(rules.maxExpandedBytes());
        ZipSecureFile.setMaxTextSize(Math.max(rules.maxTextChars() * 4L, 1L << 20));
    }

    /** Reads the text of {@code bytes}; never throws for a broken or hostile file. */
    Result read(byte[] bytes) {
        Format sniffed = sniff(bytes);
        try {
            return switch (sniffed) {
                case PDF -> pdf(bytes);
                case OFFICE -> office(bytes);
                default -> new Unreadable(Format.OTHER, "不是 PDF、Word 或 Excel 文件");
            };
        } catch (InvalidPasswordException | EncryptedDocumentException e) {
            return new Unreadable(sniffed, "附件已加密");
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return new Unreadable(sniffed, reason(e));
        }
    }

    static Format sniff(byte[] bytes) {
        if (startsWith(bytes, OLE2) || bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3
                && bytes[3] == 4) {
            return Format.OFFICE;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), java.nio.charset.StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-") ? Format.PDF : Format.OTHER;
    }

    private Result pdf(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(rules.maxExpandedBytes()).streamCache)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            int pages = doc.getNumberOfPages();
            stripper.setEndPage(Math.min(pages, rules.maxPdfPages()));
            return capped(Format.PDF, stripper.getText(doc), pages > rules.maxPdfPages());
        }
    }

    private Result office(byte[] bytes) throws IOException {
        try (POITextExtractor extractor = ExtractorFactory.createExtractor(new ByteArrayInputStream(bytes))) {
            Format format = extractor instanceof ExcelExtractor ? Format.EXCEL
                    : extractor instanceof WordExtractor || extractor instanceof XWPFWordExtractor ? Format.WORD
                    : Format.OFFICE;
            return capped(format, extractor.getText(), false);
        }
    }

    private Result capped(Format format, String text, boolean cut) {
        String t = text == null ? "" : text;
        if (t.isBlank()) {
            // a scanned 公示 (images only) or a container without a document in it: nothing was checked
            return new Unreadable(format, "附件中没有可读取的文字（可能是扫描件或图片），未检查");
        }
        if (t.length() > rules.maxTextChars()) {
            return new Read(format, t.substring(0, rules.maxTextChars()), true);
        }
        return new Read(format, t, cut);
    }

    /** The reason a reading failed, in Chinese; a zip bomb and a size guard are named as such. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("zip bomb")) {
                return "疑似压缩炸弹（解压后远大于文件本身），未读取";
            }
            if (m.contains("maximum allowed") || m.contains("max allowed") || m.contains("exceeds the maximum")
                    || m.contains("maximum allowed scratch file memory")) {
                return "内容解压后超过读取上限，未读取";
            }
        }
        if (e instanceof StackOverflowError) {
            return "文件结构嵌套过深，无法解析";
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "文件已损坏或无法解析（" + (m.length() > 120 ? m.substring(0, 120) + "…" : m) + "）";
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
