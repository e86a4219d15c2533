package cn.xunjian.darklink;

import cn.xunjian.internal.RuleFiles;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gambling, porn and fake-certificate wording, read from {@code spam-keywords.json}, matched after the
 * normalisation spammers force on a naive {@code contains}: JS and percent escapes, NFKC (full-width to ASCII),
 * lower case, zero-width characters, separators between characters, traditional and look-alike characters.
 */
public final class SpamKeywords {
    private static final Pattern JS_ESCAPE = Pattern.compile("(?:\\\\u|%u)([0-9a-fA-F]{4})|\\\\x([0-9a-fA-F]{2})");

    /** One category of the data file. */
    public record Category(String id, String label, List<String> strong, List<String> weak, List<String> context) {
    }

    /** The data file. */
    public record Data(@JsonProperty("_comment") String comment, List<Category> categories, List<String> suppressWhen,
                       Map<String, String> fold, String ignorable, String separators) {
    }

    /**
     * What a scan found.
     *
     * @param terms the matched terms (as written in the data file) of every category that counts as spam
     * @param categories the labels of those categories, e.g. 赌博
     */
    public record Match(List<String> terms, List<String> categories) {
        public static final Match NONE = new Match(List.of(), List.of());

        public boolean spam() {
            return !terms.isEmpty();
        }

        /** Why it is spam, as findings say it: {@code 含赌博关键词“葡京”“casino”}. */
        public String reason() {
            return "含" + String.join("、", categories) + "关键词“" + String.join("”“", terms) + "”";
        }
    }

    private final Data data;
    private final List<String> suppress;
    private final Map<String, String> normalisedTerms = new java.util.concurrent.ConcurrentHashMap<>();

    private SpamKeywords(Data data) {
        this.data = data;
        this.suppress = data.suppressWhen().stream().map(this::normalise).toList();
    }

    /** The shipped list. */
    public static SpamKeywords standard() {
        return new SpamKeywords(RuleFiles.load(SpamKeywords.class, "spam-keywords.json", Data.class));
    }

    /** The text as it is matched: escapes decoded, NFKC, lower case, look-alikes folded, separators removed. */
    public String normalise(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = decodeEscapes(text);
        if (s.indexOf('%') >= 0) {
            try {
                s = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // not percent-encoded after all; match it as written
            }
        }
        s = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (data.ignorable().contains(ch) || data.separators().contains(ch) || Character.isWhitespace(cp)) {
                return;
            }
            out.append(data.fold().getOrDefault(ch, ch));
        });
        return out.toString();
    }

    /** Scans texts (link text, href, title attribute…) together; spam when any category's rule is met. */
    public Match scan(String... texts) {
        return scan(false, texts);
    }

    /**
     * Scans texts that are long and free (a whole page's title, keywords and opening text) where weak words meet
     * context words by chance (澳门特别行政区…入口): spam only on a strong term.
     */
    public Match scanStrong(String... texts) {
        return scan(true, texts);
    }

    private Match scan(boolean strongOnly, String... texts) {
        StringBuilder all = new StringBuilder();
        for (String t : texts) {
            all.append(normalise(t)).append('\u0000');
        }
        String norm = all.toString();
        for (String s : suppress) {
            if (norm.contains(s)) {
                return Match.NONE;
            }
        }
        List<String> terms = new ArrayList<>();
        Set<String> labels = new LinkedHashSet<>();
        for (Category c : data.categories()) {
            List<String> strong = found(norm, c.strong());
            List<String> weak = found(norm, c.weak());
            List<String> context = found(norm, c.context());
            List<String> longer = new ArrayList<>(strong);
            longer.addAll(weak);
            weak = withoutContained(weak, longer);
            context = withoutContained(context, longer);
            if (!strong.isEmpty() || (!strongOnly && (weak.size() >= 2 || (!weak.isEmpty() && !context.isEmpty())))) {
                terms.addAll(strong);
                if (!strongOnly) {
                    terms.addAll(weak);
                }
                if (!strongOnly && strong.isEmpty() && weak.size() < 2) {
                    terms.addAll(context);
                }
                labels.add(c.label());
            }
        }
        return terms.isEmpty() ? Match.NONE : new Match(List.copyOf(new LinkedHashSet<>(terms)), List.copyOf(labels));
    }

    private List<String> found(String norm, List<String> terms) {
        List<String> hits = new ArrayList<>();
        for (String t : terms) {
            if (norm.contains(normalisedTerms.computeIfAbsent(t, this::normalise))) {
                hits.add(t);
            }
        }
        return hits;
    }

    /** Drops terms that only matched as part of a longer matched term (发票 inside 代开发票). */
    private List<String> withoutContained(List<String> terms, List<String> matched) {
        List<String> kept = new ArrayList<>();
        for (String t : terms) {
            String n = normalisedTerms.computeIfAbsent(t, this::normalise);
            boolean inside = matched.stream().map(m -> normalisedTerms.computeIfAbsent(m, this::normalise)).anyMatch(m -> m.length() > n.length() && m.contains(n));
            if (!inside) {
                kept.add(t);
            }
        }
        return kept;
    }

    private static String decodeEscapes(String s) {
        if (s.indexOf('\\') < 0 && !s.contains("%u")) {
            return s;
        }
        Matcher m = JS_ESCAPE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String hex = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(hex, 16))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
