package cn.xunjian.search;

import cn.xunjian.internal.Json;
import cn.xunjian.internal.RuleFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
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
 * @param itemSelector the list items of the home page a test title is taken from
 * @param datePattern a date next to a link marks it as a news item (preferred as the test title)
 * @param minTitleChars the shortest link text used as a test title
 * @param prefixChars how much of the title must appear among the results (results often shorten titles)
 */
public record SearchRules(String source, List<String> fieldHints, List<String> actionHints, List<String> buttonHints,
                          String itemSelector, String datePattern, int minTitleChars, int prefixChars,
                          List<String> excludeTitleKeywords, List<String> noResultPhrases,
                          List<String> errorPhrases, Timeouts timeouts) {
    public SearchRules {
        fieldHints = List.copyOf(fieldHints);
        actionHints = List.copyOf(actionHints);
        buttonHints = List.copyOf(buttonHints);
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

    /** The in-page script that finds and marks the search box, with this file's hints bound in. */
    String probeScript() {
        String fn = RuleFiles.text(SearchRules.class, "search-probe.js").strip();
        try {
            String hints = Json.mapper().writeValueAsString(java.util.Map.of("fieldHints", fieldHints,
                    "actionHints", actionHints, "buttonHints", buttonHints));
            return "() => (" + fn + ")(" + hints + ")";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the search probe's hints", e);
        }
    }

    static Optional<String> firstIn(String text, List<String> phrases) {
        return phrases.stream().filter(text::contains).findFirst();
    }
}
