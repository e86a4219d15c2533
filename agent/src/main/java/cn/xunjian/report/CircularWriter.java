package cn.xunjian.report;

import cn.xunjian.internal.HtmlTemplates;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes the 通报 as circular.md and circular.html, shaped like the circulars offices publish. */
public final class CircularWriter {
    public static final String MARKDOWN = "circular.md";
    public static final String HTML = "circular.html";
    public static final String DOCX = "circular.docx";
    public static final String PDF = "circular.pdf";
    private static final String[] ITEM = {"（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）", "（九）",
        "（十）", "（十一）", "（十二）", "（十三）", "（十四）", "（十五）", "（十六）", "（十七）", "（十八）"};

    /** Writes circular.md as UTF-8; {@code out} is left open. */
    public void writeMarkdown(Circular c, OutputStream out) throws IOException {
        out.write(markdown(c).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes circular.html ({@code report/circular.jte}) as UTF-8; {@code out} is left open. */
    public void writeHtml(Circular c, OutputStream out) throws IOException {
        HtmlTemplates.render("report/circular.jte", c, out);
    }

    String markdown(Circular c) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(c.title()).append("\n\n").append(c.masthead().documentNumber()).append("\n\n")
                .append(c.masthead().recipients()).append("\n\n").append(c.intro()).append("\n\n");
        md.append("## 一、总体情况\n\n").append(c.totals()).append("\n\n");
        if (!c.newMediaTotals().isEmpty()) {
            md.append(c.newMediaTotals()).append("\n\n");
        }
        md.append("## 二、存在的主要问题\n\n");
        if (c.problems().isEmpty()) {
            md.append("本次检查未发现扣分或单项否决问题。\n\n");
        }
        for (int i = 0; i < c.problems().size(); i++) {
            md.append(item(i)).append(paragraph(c.problems().get(i))).append("\n\n");
        }
        md.append("## 三、工作要求\n\n");
        List<String> req = c.requirements();
        for (int i = 0; i < req.size(); i++) {
            md.append(i + 1).append(". ").append(req.get(i)).append("\n\n");
        }
        boolean two = !c.newMediaAnnex().isEmpty();
        md.append("附件：").append(two ? "1. " + c.annexTitle() + "　2. " + c.newMediaAnnexTitle() : c.annexTitle())
                .append("\n\n").append(c.issuer()).append("\n\n").append(c.date()).append("\n\n");
        md.append("## 附件").append(two ? "1" : "").append("　").append(c.annexTitle()).append("\n\n");
        md.append("| 序号 | 网站名称 | 网站标识码 | 存在问题 |\n|---|---|---|---|\n");
        for (Circular.AnnexRow row : c.annex()) {
            md.append("| ").append(row.number()).append(" | ").append(cell(row.name())).append(" | ")
                    .append(cell(row.siteCode())).append(" | ").append(cell(row.problems())).append(" |\n");
        }
        if (two) {
            md.append("\n## 附件2　").append(c.newMediaAnnexTitle()).append("\n\n")
                    .append("| 序号 | 账号名称 | 账号类型 | 开设主体 | 存在问题 |\n|---|---|---|---|---|\n");
            for (Circular.NewMediaAnnexRow row : c.newMediaAnnex()) {
                md.append("| ").append(row.number()).append(" | ").append(cell(row.account())).append(" | ")
                        .append(cell(row.type())).append(" | ").append(cell(row.owner())).append(" | ").append(cell(row.problems())).append(" |\n");
            }
        }
        return md.toString();
    }

    /** A section of 存在的主要问题 as one paragraph: its heading, then each site's problems, one sentence each. */
    public static String paragraph(Circular.ProblemGroup g) {
        return g.heading() + "。" + String.join("。", g.entries()) + "。";
    }

    /** The numbering of the i-th problem: （一）, （二）… */
    static String item(int i) {
        return i < ITEM.length ? ITEM[i] : "（" + (i + 1) + "）";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
