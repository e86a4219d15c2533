package cn.xunjian.evidence;

import cn.xunjian.internal.HtmlTemplates;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The 证据核验结果 of one verification, as the console prints it and as a one-page 证据核验单 (HTML) an office can
 * attach to its reply to a 申辩.
 *
 * @param checkedAt when the verification ran (Asia/Shanghai, ISO-8601)
 */
public record VerificationSheet(String runDir, String checkedAt, List<Line> lines, List<String> signers,
                                List<String> stamps, List<VerificationStep.Problem> problems) {
    /** One step: what it checked, what it found, whether it passed. */
    public record Line(String title, String facts, boolean passed) {
    }

    public static VerificationSheet of(EvidenceVerifier.Verification v, String checkedAt) {
        List<Line> lines = new ArrayList<>();
        List<String> signers = new ArrayList<>();
        List<String> stamps = new ArrayList<>();
        for (VerificationStep.Report r : v.reports()) {
            lines.add(new Line(r.title(), String.join("；", r.facts()), r.problems().isEmpty()));
            for (String f : r.facts()) {
                if (f.startsWith("签名者：") && !signers.contains(f.substring(4))) {
                    signers.add(f.substring(4));
                } else if ((f.startsWith("盖时间戳：") || f.startsWith("未加盖时间戳")) && !stamps.contains(f)) {
                    stamps.add(f);
                }
            }
        }
        return new VerificationSheet(v.runDir().toString(), checkedAt, lines, signers, stamps, v.problems());
    }

    public boolean passed() {
        return problems.isEmpty();
    }

    /** The console's text: what was checked, who signed, when stamped, what failed, the conclusion. */
    public List<String> text() {
        List<String> out = new ArrayList<>();
        out.add("证据核验结果：" + runDir);
        out.add("核验项目：");
        for (Line l : lines) {
            out.add("  " + (l.passed() ? "✓ " : "✗ ") + l.title() + (l.facts().isEmpty() ? "" : "：" + l.facts()));
        }
        out.add("签名者：" + (signers.isEmpty() ? "无（清单未签名）" : String.join("；", signers)));
        out.add("时间戳：" + (stamps.isEmpty() ? "无" : String.join("；", stamps)));
        if (problems.isEmpty()) {
            out.add("结论：核验通过，证据与签名、时间戳一致");
        } else {
            out.add("失败（" + problems.size() + " 项）：");
            problems.forEach(p -> out.add("  - " + p.message()));
            out.add("结论：核验未通过");
        }
        return out;
    }

    public void writeHtml(OutputStream out) throws IOException {
        HtmlTemplates.render("evidence/sheet.jte", this, out);
    }
}
