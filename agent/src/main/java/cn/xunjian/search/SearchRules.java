package cn.xunjian.search;

import cn.xunjian.internal.Json;
import cn.xunjian.internal.RuleFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Hints, phrases and limits of the site-search check, read from {@code search.json}.
 *
 * @param fieldHints words in an input's name, id, placeholder or title that make it the search box
 * @param actionHints words in a form's action that make its text input the search box
 * @param buttonHints words on the button that starts the search
 * @param linkTexts texts of a home-page link to a search page (站内搜索, 全文检索…), in order of preference, used when
 *                  the home page has no search box
 * @param linkUrlHints parts of a link's target that make it a search page ({@code search.html}, {@code so.} hosts…)
 * @param maxSearchPages how many linked search pages are tried at most
 * @param itemSelector the list items of the home page a test title is taken from
 * @param datePattern a date next to a link marks it as a news item (preferred as the test title)
 * @param minTitleChars the shortest link text used as a test title
 * @param prefixChars how much of the title must appear among the results (results often shorten titles)
 */
public record SearchRules(String source, List<String> fieldHints, List<String> actionHints, List<String> buttonHints,
                          List<String> linkTexts, List<String> linkUrlHints, int maxSearchPages, String itemSelector, String datePattern, int minTitleChars, int prefixChars,
                          List<String> excludeTitleKeywords, List<String> noResultPhrases,
                          List<String> errorPhrases, Timeouts timeouts) {
    public SearchRules {
        fieldHints = List.copyOf(fieldHints);
        actionHints = List.copyOf(actionHints);
        buttonHints = List.copyOf(buttonHints);
        linkTexts = List.copyOf(linkTexts);
        linkUrlHints = List.copyOf(linkUrlHints);
        excludeTitleKeywords = List.copyOf(excludeTitleKeywords);
        noResultPhrases = List.copyOf(noResultPhrases);
        errorPhrases = List.copyOf(errorPhrases);
    }

    public record Timeouts(long pageMs, long actionMs, long resultsMs) {
        public Duration page() {
            return Duration.ofMillis(pageMs);
        }

        public Duration action() {
            return Duration.ofMillis(actionMs);
        }

        public Duration results() {
            return Duration.ofMillis(resultsMs);
        }
    }

    public static SearchRules standard() {
        return RuleFiles.load(SearchRules.class, "search.json", SearchRules.class);
    }

    public Pattern date() {
        return Pattern.compile(datePattern);
    }

    /**
     * The in-page script that finds and marks the search box, with this file's hints bound in. On a page that is
     * itself the site's search page ({@code searchPage}), any visible text input counts as the box when none is
     * named for searching: such pages often have a single field called {@code qt} or {@code q}.
     */
    String probeScript(boolean searchPage) {
        String fn = RuleFiles.text(SearchRules.class, "search-probe.js").strip();
        try {
            String hints = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(java.util.Map.of("fieldHints", fieldHints,
                    "actionHints", actionHints, "buttonHints", buttonHints, "anyInput", searchPage));
            return "() => (" + fn + ")(" + hints + ")";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the search probe's hints", e);
        }
    }

    static Optional<String> firstIn(String text, List<String> phrases) {
        return phrases.stream().filter(text::contains).findFirst();
    }
}
