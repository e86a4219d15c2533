package cn.xunjian.text;

import cn.xunjian.internal.RuleFiles;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The wording rule base, read from {@code wording-rules.json} (documented in {@code wording-rules.md}).
 *
 * @param version the rule base's date
 * @param maxScreenshotsPerSite how many highlighted screenshots one site's audit may take for wording findings
 * @param sentenceChars how long a quoted sentence may be in a finding's message
 * @param history what marks a mention of an outdated name as historical
 * @param publishDate where an article's publish date is found
 * @param rules the rules
 */
public record WordingRules(String version, int maxScreenshotsPerSite, int sentenceChars, History history,
                           PublishDateHints publishDate, List<WordingRule> rules) {

    /**
     * Historical mentions of names that have changed.
     *
     * @param prefixes written right before the name (原国土资源部, 时任国务院总理…)
     * @param sentenceMarkers anywhere in the same sentence (更名, 撤销, 组建, 不再保留…)
     * @param promulgationVerbs in a parenthesised line with a date, they make it the promulgation note of a
     *                          reproduced document (公布, 发布, 印发, 通过, 修正…), which dates the whole text
     * @param documentNumberLabels labels before a document number on a line of its own (发文字号, 文号…)
     */
    public record History(List<String> prefixes, List<String> sentenceMarkers, List<String> promulgationVerbs,
                          List<String> documentNumberLabels) {
        public History {
            prefixes = List.copyOf(prefixes);
            sentenceMarkers = List.copyOf(sentenceMarkers);
            promulgationVerbs = List.copyOf(promulgationVerbs);
            documentNumberLabels = List.copyOf(documentNumberLabels);
        }
    }

    /**
     * Where a publish date is written.
     *
     * @param metaNames {@code <meta name>} values that carry it (PubDate…)
     * @param labels text labels followed by the date (发布时间…)
     * @param urlPatterns regexes over the URL whose groups 1, 2 and 3 are year, month and day, as CMSs put them
     *                    in article paths ({@code /t20220304_}, {@code /art/2022/3/4/}, {@code /2022-03/04/content_})
     */
    public record PublishDateHints(List<String> metaNames, List<String> labels, List<String> urlPatterns) {
        public PublishDateHints {
            metaNames = List.copyOf(metaNames);
            labels = List.copyOf(labels);
            urlPatterns = List.copyOf(urlPatterns);
        }
    }

    public WordingRules {
        rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (WordingRule r : rules) {
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("wording-rules.json: duplicate rule id " + r.id());
            }
            for (String e : r.exceptions()) {
                if (r.wrongForms().stream().noneMatch(PageText.normalise(e)::contains)) {
                    throw new IllegalArgumentException("wording-rules.json: rule " + r.id() + ", exception \"" + e
                            + "\" does not contain the wrong form");
                }
            }
        }
    }

    /** The bundled rule base. */
    public static WordingRules standard() {
        return RuleFiles.load(WordingRules.class, "wording-rules.json", WordingRules.class);
    }
}
