package cn.xunjian.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Entities;

/** Writes the 通报 as circular.md and circular.html, shaped like the circulars offices publish. */
public final class CircularWriter {
    public static final String MARKDOWN = "circular.md";
    public static final String HTML = "circular.html";
    private static final String[] SECTION = {"一", "二", "三", "四"};
    private static final String[] ITEM = {"（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）", "（九）",
        "（十）", "（十一）", "（十二）", "（十三）", "（十四）", "（十五）", "（十六）", "（十七）", "（十八）"};

    public void write(Circular c, Path runDir) throws IOException {
        Files.writeString(runDir.resolve(MARKDOWN), markdown(c), StandardCharsets.UTF_8);
        Files.writeString(runDir.resolve(HTML), html(c), StandardCharsets.UTF_8);
    }

    String markdown(Circular c) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(c.title()).append("\n\n").append(c.intro()).append("\n\n");
        md.append("## 一、总体情况\n\n").append(c.totals()).append("\n\n");
        if (!c.newMediaTotals().isEmpty()) {
            md.append(c.newMediaTotals()).append("\n\n");
        }
        md.append("## 二、存在的主要问题\n\n");
        if (c.problems().isEmpty()) {
            md.append("本次检查未发现扣分或单项否决问题。\n\n");
        }
        for (int i = 0; i < c.problems().size(); i++) {
            Circular.ProblemGroup g = c.problems().get(i);
            md.append(item(i)).append(g.heading()).append("。").append(String.join("、", g.sites()))
                    .append("网站存在此类问题。\n\n");
        }
        for (int i = 0; i < c.newMediaProblems().size(); i++) {
            Circular.ProblemGroup g = c.newMediaProblems().get(i);
            md.append(item(c.problems().size() + i)).append("政务新媒体").append(g.heading()).append("。")
                    .append(String.join("、", g.sites())).append("存在此类问题。\n\n");
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
                    .append("| 序号 | 账号名称 | 开设主体 | 存在问题 |\n|---|---|---|---|\n");
            for (Circular.NewMediaAnnexRow row : c.newMediaAnnex()) {
                md.append("| ").append(row.number()).append(" | ").append(cell(row.account())).append(" | ")
                        .append(cell(row.owner())).append(" | ").append(cell(row.problems())).append(" |\n");
            }
        }
        return md.toString();
    }

    String html(Circular c) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").append(esc(c.title()))
                .append("</title><style>body{font-family:\"Noto Serif CJK SC\",\"SimSun\",serif;max-width:800px;"
                        + "margin:40px auto;line-height:1.9;font-size:16px}h1{text-align:center;font-size:22px}"
                        + "h2{font-size:17px}p{text-indent:2em}p.sign{text-align:right;text-indent:0}"
                        + "table{border-collapse:collapse;width:100%}td,th{border:1px solid #333;padding:4px 8px}"
                        + "</style></head><body>\n");
        h.append("<h1>").append(esc(c.title())).append("</h1>\n<p>").append(esc(c.intro())).append("</p>\n");
        h.append("<h2>").append(SECTION[0]).append("、总体情况</h2>\n<p id=\"totals\">").append(esc(c.totals()))
                .append("</p>\n");
        if (!c.newMediaTotals().isEmpty()) {
            h.append("<p id=\"newmedia-totals\">").append(esc(c.newMediaTotals())).append("</p>\n");
        }
        h.append("<h2>").append(SECTION[1]).append("、存在的主要问题</h2>\n");
        if (c.problems().isEmpty()) {
            h.append("<p>本次检查未发现扣分或单项否决问题。</p>\n");
        }
        for (int i = 0; i < c.problems().size(); i++) {
            Circular.ProblemGroup g = c.problems().get(i);
            h.append("<p class=\"problem\">").append(item(i)).append(esc(g.heading())).append("。")
                    .append(esc(String.join("、", g.sites()))).append("网站存在此类问题。</p>\n");
        }
        for (int i = 0; i < c.newMediaProblems().size(); i++) {
            Circular.ProblemGroup g = c.newMediaProblems().get(i);
            h.append("<p class=\"problem\">").append(item(c.problems().size() + i)).append("政务新媒体")
                    .append(esc(g.heading())).append("。").append(esc(String.join("、", g.sites())))
                    .append("存在此类问题。</p>\n");
        }
        h.append("<h2>").append(SECTION[2]).append("、工作要求</h2>\n");
        for (int i = 0; i < c.requirements().size(); i++) {
            h.append("<p>").append(i + 1).append(". ").append(esc(c.requirements().get(i))).append("</p>\n");
        }
        boolean two = !c.newMediaAnnex().isEmpty();
        h.append("<p>附件：").append(esc(two ? "1. " + c.annexTitle() + "　2. " + c.newMediaAnnexTitle() : c.annexTitle()))
                .append("</p>\n<p class=\"sign\">").append(esc(c.issuer())).append("<br>").append(esc(c.date()))
                .append("</p>\n");
        h.append("<h2>附件").append(two ? "1" : "").append("　").append(esc(c.annexTitle()))
                .append("</h2>\n<table id=\"annex\"><tr><th>序号</th>"
                + "<th>网站名称</th><th>网站标识码</th><th>存在问题</th></tr>\n");
        for (Circular.AnnexRow row : c.annex()) {
            h.append("<tr><td>").append(row.number()).append("</td><td>").append(esc(row.name())).append("</td><td>")
                    .append(esc(row.siteCode())).append("</td><td>").append(esc(row.problems())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (two) {
            h.append("<h2>附件2　").append(esc(c.newMediaAnnexTitle())).append("</h2>\n<table id=\"newmedia-annex\">"
                    + "<tr><th>序号</th><th>账号名称</th><th>开设主体</th><th>存在问题</th></tr>\n");
            for (Circular.NewMediaAnnexRow row : c.newMediaAnnex()) {
                h.append("<tr><td>").append(row.number()).append("</td><td>").append(esc(row.account()))
                        .append("</td><td>").append(esc(row.owner())).append("</td><td>").append(esc(row.problems()))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static String item(int i) {
        return i < ITEM.length ? ITEM[i] : "（" + (i + 1) + "）";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String esc(String s) {
        return Entities.escape(s);
    }
}
