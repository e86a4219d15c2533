package cn.xunjian.crawl;

import cn.xunjian.internal.DataFile;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;

/**
 * Recognises "soft 404" pages: HTTP 200 pages that say the page does not exist (phrases from {@code soft404.json}
 * in the title, or in the text of a short page), or whose text is near-identical to what the site returns for a
 * URL that cannot exist (the probe).
 */
final class Soft404Detector {
    /** The rules as written in {@code soft404.json}. */
    record Rules(List<String> titlePatterns, List<String> textPatterns, int maxTextChars, double probeSimilarity,
                 double probeLengthTolerance) {
        static Rules standard() {
            DataFile.Obj r = DataFile.read(Soft404Detector.class, "soft404.json").root("titlePatterns",
                    "textPatterns", "maxTextChars", "probeSimilarity", "probeLengthTolerance");
            return new Rules(r.strings("titlePatterns"), r.strings("textPatterns"), r.intValue("maxTextChars"),
                    r.doubleValue("probeSimilarity"), r.doubleValue("probeLengthTolerance"));
        }
    }

    private static final int SHINGLE = 4;
    private static final int MAX_FINGERPRINT_CHARS = 20_000;

    private final Rules rules;
    private final List<Rule> title;
    private final List<Rule> text;
    private volatile Set<Integer> probe;
    private volatile int probeLength;

    Soft404Detector(Rules rules) {
        this.rules = rules;
        this.title = rules.titlePatterns().stream().map(Rule::of).toList();
        this.text = rules.textPatterns().stream().map(Rule::of).toList();
    }

    /**
     * One phrase or pattern. A regular expression runs only when the text contains its longest literal run
     * (its hint, compared in lower case), so most pages cost a few {@code indexOf} calls instead of regex scans.
     */
    private record Rule(Pattern pattern, String hint) {
        static Rule of(String source) {
            String literal = source.replaceAll("\\(\\?i\\)", "").replaceAll("\\\\[pP]\\{\\w+\\}", " ")
                    .replaceAll("\\\\.", " ");
            String hint = "";
            // an alternation has no single required literal: such a rule always runs
            String[] runs = source.contains("|") ? new String[0] : literal.split("[^\\p{L}\\p{N}]+");
            for (String run : runs) {
                if (run.length() > hint.length()) {
                    hint = run;
                }
            }
            return new Rule(Pattern.compile(source), hint.toLowerCase(Locale.ROOT));
        }

        boolean matches(String s, String lower) {
            return lower.contains(hint) && pattern.matcher(s).find();
        }
    }

    /** True when a parsed 200 page is really a "not found" page. */
    boolean notFound(Document doc) {
        return notFound(doc.title(), doc.text());
    }

    /**
     * A cheap pre-test on a page's title and a superset of its text without whitespace and in lower case (as
     * {@link LinkScanner} collects it): false only when {@link #notFound(Document)} is certainly false, so the
     * page need not be parsed into a DOM. True when a title rule matches, when the text contains the literal of
     * a text rule (whatever the page's length), or when the site's answer to a non-existent URL is known, since
     * that comparison needs the exact text.
     */
    boolean mayBeNotFound(String pageTitle, String squeezedLowerText) {
        if (probe != null) {
            return true;
        }
        String titleLower = pageTitle.toLowerCase(Locale.ROOT);
        for (Rule r : title) {
            if (r.matches(pageTitle, titleLower)) {
                return true;
            }
        }
        for (Rule r : text) {
            if (r.hint().isEmpty() || squeezedLowerText.contains(r.hint())) {
                return true;
            }
        }
        return false;
    }

    /** Remembers the text of the site's answer to a URL that cannot exist. */
    void probe(String pageText) {
        String t = squeeze(pageText);
        probeLength = t.length();
        probe = shingles(t);
    }

    /** True when a 200 page with this title and text is really a "not found" page. */
    boolean notFound(String pageTitle, String pageText) {
        String titleLower = pageTitle.toLowerCase(Locale.ROOT);
        for (Rule r : title) {
            if (r.matches(pageTitle, titleLower)) {
                return true;
            }
        }
        String t = squeeze(pageText);
        if (t.length() <= rules.maxTextChars()) {
            String lower = t.toLowerCase(Locale.ROOT);
            for (Rule r : text) {
                if (r.matches(t, lower)) {
                    return true;
                }
            }
        }
        Set<Integer> reference = probe;
        if (reference == null || reference.isEmpty()) {
            return false;
        }
        int len = Math.min(t.length(), MAX_FINGERPRINT_CHARS);
        if (Math.abs(len - probeLength) > probeLength * rules.probeLengthTolerance()) {
            return false;
        }
        return jaccard(reference, shingles(t)) >= rules.probeSimilarity();
    }

    private static String squeeze(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_FINGERPRINT_CHARS));
        for (int i = 0; i < s.length() && sb.length() < MAX_FINGERPRINT_CHARS; i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00a0' && c != '\u3000') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Set<Integer> shingles(String t) {
        Set<Integer> set = new HashSet<>();
        for (int i = 0; i + SHINGLE <= t.length(); i++) {
            set.add(t.substring(i, i + SHINGLE).hashCode());
        }
        if (set.isEmpty() && !t.isEmpty()) {
            set.add(t.hashCode());
        }
        return set;
    }

    private static double jaccard(Set<Integer> a, Set<Integer> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int common = 0;
        for (Integer x : b) {
            if (a.contains(x)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }
}
