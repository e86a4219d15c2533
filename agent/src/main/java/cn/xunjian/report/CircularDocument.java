package cn.xunjian.report;

import cn.xunjian.report.OfficialDocument.Align;
import cn.xunjian.report.OfficialDocument.Block;
import cn.xunjian.report.OfficialDocument.Face;
import cn.xunjian.report.OfficialDocument.Para;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a {@link Circular} out as a 公文 (GB/T 9704-2012): the red 发文机关标志, the 发文字号 and the red rule, the title
 * in 二号小标宋, the 主送机关, the body in 三号仿宋 with 一、 sections in 黑体 and （一） items in 楷体, the 附件 line, the
 * 落款 and date, and each annex on a page of its own with its table.
 */
public final class CircularDocument {
    private static final String[] SECTION = {"一、", "二、", "三、", "四、", "五、"};

    private CircularDocument() {
    }

    public static OfficialDocument of(Circular c) {
        List<Block> b = new ArrayList<>();
        Circular.Masthead m = c.masthead();
        b.add(new Para(m.issuerMark(), Face.XIAOBIAOSONG, 36, Align.CENTER, true));
        b.add(new Para("", Face.FANGSONG, OfficialDocument.SIZE_3, Align.CENTER, false));
        b.add(new Para(m.documentNumber(), Face.FANGSONG, OfficialDocument.SIZE_3, Align.CENTER, false));
        b.add(new OfficialDocument.RedRule());
        b.add(new Para("", Face.FANGSONG, OfficialDocument.SIZE_3, Align.CENTER, false));
        b.add(new Para(c.title(), Face.XIAOBIAOSONG, OfficialDocument.SIZE_2, Align.CENTER, false));
        b.add(new Para("", Face.FANGSONG, OfficialDocument.SIZE_3, Align.CENTER, false));
        b.add(new Para(m.recipients(), Face.FANGSONG, OfficialDocument.SIZE_3, Align.LEFT, false));
        b.add(Para.body(c.intro()));
        b.add(section(0, "总体情况"));
        b.add(Para.body(c.totals()));
        if (!c.newMediaTotals().isEmpty()) {
            b.add(Para.body(c.newMediaTotals()));
        }
        b.add(section(1, "存在的主要问题"));
        if (c.problems().isEmpty()) {
            b.add(Para.body("本次检查未发现扣分或单项否决问题。"));
        }
        for (int i = 0; i < c.problems().size(); i++) {
            Circular.ProblemGroup g = c.problems().get(i);
            b.add(new Para(CircularWriter.item(i) + g.heading(), Face.KAITI, OfficialDocument.SIZE_3, Align.INDENT,
                    false));
            for (String entry : g.entries()) {
                b.add(Para.body(entry + "。"));
            }
        }
        b.add(section(2, "工作要求"));
        for (int i = 0; i < c.requirements().size(); i++) {
            b.add(Para.body(CircularWriter.item(i) + c.requirements().get(i)));
        }
        boolean two = !c.newMediaAnnex().isEmpty();
        b.add(new Para("", Face.FANGSONG, OfficialDocument.SIZE_3, Align.LEFT, false));
        b.add(Para.body("附件：" + (two ? "1." + c.annexTitle() : c.annexTitle())));
        if (two) {
            b.add(Para.body("　　　2." + c.newMediaAnnexTitle()));
        }
        b.add(new Para("", Face.FANGSONG, OfficialDocument.SIZE_3, Align.LEFT, false));
        b.add(new Para(c.issuer() + "　　", Face.FANGSONG, OfficialDocument.SIZE_3, Align.RIGHT, false));
        b.add(new Para(c.date() + "　　　　", Face.FANGSONG, OfficialDocument.SIZE_3, Align.RIGHT, false));
        annex(b, two ? "附件1" : "附件", c.annexTitle(), List.of("序号", "网站名称", "网站标识码", "存在问题"),
                c.annex().stream().map(r -> List.of(String.valueOf(r.number()), r.name(), r.siteCode(),
                        String.join("；\n", r.lines()))).toList(), List.of(2, 4, 3, 9));
        if (two) {
            annex(b, "附件2", c.newMediaAnnexTitle(), List.of("序号", "账号名称", "账号类型", "开设主体", "存在问题"),
                    c.newMediaAnnex().stream().map(r -> List.of(String.valueOf(r.number()), r.account(), r.type(),
                            r.owner(), String.join("；\n", r.lines()))).toList(), List.of(2, 4, 3, 4, 7));
        }
        return new OfficialDocument(c.title(), b);
    }

    private static Para section(int i, String heading) {
        return new Para(SECTION[i] + heading, Face.HEITI, OfficialDocument.SIZE_3, Align.INDENT, false);
    }

    private static void annex(List<Block> b, String label, String title, List<String> header,
                              List<List<String>> rows, List<Integer> widths) {
        b.add(new OfficialDocument.PageBreak());
        b.add(new Para(label, Face.HEITI, OfficialDocument.SIZE_3, Align.LEFT, false));
        b.add(new Para(title, Face.XIAOBIAOSONG, OfficialDocument.SIZE_2, Align.CENTER, false));
        b.add(new OfficialDocument.Table(header, rows, widths));
    }
}
