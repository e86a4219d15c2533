package cn.xunjian.report;

import cn.xunjian.internal.RuleFiles;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The typefaces of each {@link OfficialDocument.Face}, kept as data ({@code document-fonts.json}). */
public record DocumentFonts(@JsonProperty("_comment") String comment, Map<OfficialDocument.Face, Font> faces) {
    public DocumentFonts {
        faces = Map.copyOf(faces);
    }

    /**
     * @param docx the name a DOCX gives the face
     * @param fallback the font a machine without it uses instead (named in the DOCX's font table)
     * @param pdf the TrueType collection the PDF embeds
     * @param pdfFont the font's PostScript name inside that collection
     */
    public record Font(String docx, String fallback, String pdf, String pdfFont) {
    }

    public static DocumentFonts standard() {
        return RuleFiles.load(DocumentFonts.class, "document-fonts.json", DocumentFonts.class);
    }

    public Font of(OfficialDocument.Face face) {
        return faces.get(face);
    }
}
