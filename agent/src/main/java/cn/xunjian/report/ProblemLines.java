package cn.xunjian.report;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Names a site's (or an account's) problems as circulars do — what, where and an example, e.g.
 * 空白栏目5个（规划计划、财政预决算等） — from the findings' details and the phrases of {@link ProblemPhrases}.
 * Findings of one kind become one line; lines that read the same are one line.
 */
public final class ProblemLines {
    private final ProblemPhrases phrases;

    public ProblemLines(ProblemPhrases phrases) {
        this.phrases = phrases;
    }

    public static ProblemLines standard() {
        return new ProblemLines(ProblemPhrases.standard());
    }

    public ProblemPhrases phrases() {
        return phrases;
    }

    /**
     * One problem as a document states it.
     *
     * @param category the section of 存在的主要问题 ({@link ProblemPhrases.Category#id()})
     * @param veto whether one of its findings is a veto
     * @param findings the findings it stands for
     */
    public record Line(String category, String text, boolean veto, List<Finding> findings) {
        public Line {
            findings = List.copyOf(findings);
        }
    }

    /**
     * Whether a circular lists the finding: vetoes and deductions, and the warnings the phrases list (single stale
     * and blank columns, which count toward the W-V4 veto and which inspectors report below it).
     */
    public boolean listed(Finding f) {
        if (f.severity() == Severity.VETO || f.severity() == Severity.DEDUCT) {
            return true;
        }
        ProblemPhrases.Phrase p = phrases.phrase(f.kind());
        return f.severity() == Severity.WARN && p != null && Boolean.TRUE.equals(p.listed());
    }

    /** The lines for the listed ones of {@code findings} about the site at {@code siteUrl}: vetoes first. */
    public List<Line> of(String siteUrl, List<Finding> findings) {
        Map<String, List<Finding>> byKind = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (listed(f)) {
                byKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f);
            }
        }
        Map<String, Line> byText = new LinkedHashMap<>();
        for (List<Finding> group : byKind.values()) {
            Finding first = group.get(0);
            String text = text(siteUrl, group);
            boolean veto = group.stream().anyMatch(f -> f.severity() == Severity.VETO);
            byText.merge(text, new Line(phrases.categoryOf(first.indicator()), text, veto, group), (a, b) -> {
                List<Finding> all = new ArrayList<>(a.findings());
                all.addAll(b.findings());
                return new Line(a.category(), a.text(), a.veto() || b.veto(), all);
            });
        }
        List<String> order = phrases.categories().stream().map(ProblemPhrases.Category::id).toList();
        List<Line> lines = new ArrayList<>(byText.values());
        lines.sort(Comparator.comparing((Line l) -> !l.veto()).thenComparing(l -> order.indexOf(l.category())));
        return lines;
    }

    private String text(String siteUrl, List<Finding> group) {
        ProblemPhrases.Phrase p = phrases.phrase(group.get(0).kind());
        if (group.size() == 1) {
            String one = p == null ? null : ProblemPhrases.fill(p.one(), values(siteUrl, group.get(0)));
            return one != null ? one : group.get(0).message();
        }
        if (p != null) {
            Set<String> items = new LinkedHashSet<>();
            for (Finding f : group) {
                String item = ProblemPhrases.fill(p.item(), values(siteUrl, f));
                if (item != null && items.size() < phrases.maxItems()) {
                    items.add(item);
                }
            }
            for (Finding f : group) {
                Map<String, String> values = values(siteUrl, f);
                values.put("count", String.valueOf(group.size()));
                values.put("items", String.join("、", items));
                String many = ProblemPhrases.fill(p.many(), values);
                if (many != null) {
                    return many;
                }
            }
        }
        List<String> messages = group.stream().map(Finding::message).distinct().toList();
        String shown = String.join("；", messages.subList(0, Math.min(messages.size(), phrases.maxItems())));
        return messages.size() > phrases.maxItems() ? shown + "等" + group.size() + "处" : shown;
    }

    private static Map<String, String> values(String siteUrl, Finding f) {
        Map<String, String> values = new HashMap<>(f.details());
        String page = Objects.requireNonNullElse(f.detail("page"), f.url());
        values.put("place", sameUrl(page, siteUrl) ? "首页" : "网页");
        return values;
    }

    private static boolean sameUrl(String a, String b) {
        return b != null && strip(a).equals(strip(b));
    }

    private static String strip(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        for (String index : List.of("index.html", "index.htm", "index.shtml", "index.jhtml")) {
            if (u.endsWith("/" + index)) {
                u = u.substring(0, u.length() - index.length());
            }
        }
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
