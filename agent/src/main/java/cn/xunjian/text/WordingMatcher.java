package cn.xunjian.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Finds wording errors in normalised page text with one Aho-Corasick pass over every wrong form, every correct
 * form and every exception context. A wrong form inside a correct form or an exception context (建设部 in
 * 住房和城乡建设部, 党史教育 in 党史教育基地) does not fire, nor does one inside a longer wrong form; outdated names
 * do not fire in historical mentions, nor in a text dated before the change — by its publish date or by the date of
 * the document it reproduces ({@link DocumentDates}). Immutable; safe to share.
 */
final class WordingMatcher {
    private sealed interface Target permits Wrong, Guard {
    }

    private record Wrong(WordingRule rule) implements Target {
    }

    /** A correct phrase: wrong forms inside it do not count. */
    private record Guard() implements Target {
    }

    private static final Guard GUARD = new Guard();

    private final WordingRules rules;
    private final DocumentDates documentDates;
    private final AhoCorasick<Target> automaton;

    public WordingMatcher(WordingRules rules) {
        this.rules = rules;
        this.documentDates = new DocumentDates(rules.history());
        AhoCorasick.Builder<Target> b = AhoCorasick.builder();
        for (WordingRule r : rules.rules()) {
            for (String w : r.wrongForms()) {
                b.add(w, new Wrong(r));
            }
            b.add(PageText.normalise(r.right()), GUARD);
            r.exceptions().forEach(e -> b.add(PageText.normalise(e), GUARD));
        }
        automaton = b.build();
    }

    public WordingRules rules() {
        return rules;
    }

    /**
     * The wording errors in {@code text} (normalised page text, see {@link PageText}), one per rule, first
     * occurrence first.
     *
     * @param published the article's publish date when known: outdated names do not fire before their change, nor
     *                  before the date of the document the text reproduces when that is earlier
     * @param allowed phrases the site allows; wrong forms inside them do not fire
     */
    public List<WordingHit> scan(String text, Optional<LocalDate> published, Collection<String> allowed) {
        Optional<LocalDate> asOf = earliest(published, documentDates.documentDate(text));
        List<AhoCorasick.Hit<Target>> all = automaton.findAll(text);
        List<int[]> guards = new ArrayList<>();
        for (AhoCorasick.Hit<Target> h : all) {
            if (h.value() instanceof Guard) {
                guards.add(new int[] {h.start(), h.end()});
            }
        }
        for (String a : allowed) {
            String phrase = PageText.normalise(a);
            if (phrase.isEmpty()) {
                continue;
            }
            for (int i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
                guards.add(new int[] {i, i + phrase.length()});
            }
        }
        List<AhoCorasick.Hit<Target>> wrong = all.stream().filter(h -> h.value() instanceof Wrong).toList();
        Map<String, WordingHit> byRule = new LinkedHashMap<>();
        for (AhoCorasick.Hit<Target> h : wrong) {
            if (covered(h, guards) || insideLongerWrong(h, wrong)) {
                continue;
            }
            WordingRule rule = ((Wrong) h.value()).rule();
            if (historical(rule, text, h, asOf)) {
                continue;
            }
            WordingHit first = byRule.get(rule.id());
            if (first == null) {
                byRule.put(rule.id(), new WordingHit(rule, h.start(), h.end(), h.pattern(),
                        PageText.sentence(text, h.start(), h.end(), rules.sentenceChars()), 1));
            } else {
                byRule.put(rule.id(), new WordingHit(rule, first.start(), first.end(), first.phrase(),
                        first.sentence(), first.count() + 1));
            }
        }
        List<WordingHit> hits = new ArrayList<>(byRule.values());
        hits.sort(java.util.Comparator.comparingInt(WordingHit::start));
        return hits;
    }

    private static boolean covered(AhoCorasick.Hit<Target> h, List<int[]> guards) {
        for (int[] g : guards) {
            if (h.within(g[0], g[1])) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideLongerWrong(AhoCorasick.Hit<Target> h, List<AhoCorasick.Hit<Target>> wrong) {
        for (AhoCorasick.Hit<Target> o : wrong) {
            if (o.length() > h.length() && h.within(o.start(), o.end())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a name that changed is mentioned as history rather than as current. */
    private boolean historical(WordingRule rule, String text, AhoCorasick.Hit<Target> h,
                               Optional<LocalDate> published) {
        Optional<LocalDate> changed = rule.changedOn();
        if (changed.isEmpty()) {
            return false;
        }
        if (published.isPresent() && published.get().isBefore(changed.get())) {
            return true;
        }
        for (String p : rules.history().prefixes()) {
            if (h.start() >= p.length() && text.startsWith(p, h.start() - p.length())) {
                return true;
            }
        }
        String sentence = PageText.sentence(text, h.start(), h.end(), Integer.MAX_VALUE);
        for (String m : rules.history().sentenceMarkers()) {
            if (sentence.contains(m)) {
                return true;
            }
        }
        OptionalInt year = DocumentDates.earliestYear(sentence);
        return year.isPresent() && year.getAsInt() < changed.get().getYear();
    }

    private static Optional<LocalDate> earliest(Optional<LocalDate> a, Optional<LocalDate> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isPresent() ? a : b;
        }
        return a.get().isBefore(b.get()) ? a : b;
    }
}
