package cn.xunjian.scenario.interact;

import cn.xunjian.internal.RuleFiles;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keywords, test data and time limits of the consultation check, read from {@code consultation.json}.
 *
 * @param entryKeywords link texts of a consultation entry, in order of preference; a keyword of digits (12345)
 *                      matches only as a number of its own, never inside an ICP number
 * @param entryUrlHints parts of a link's target that make it an entry when its text says nothing (an image link to
 *                      a 12345 or 互动 platform: {@code 12345}, {@code hudong}, {@code xinxiang}…)
 * @param excludeUrlHints parts of a target that make it a 信访 or 举报 channel whatever its text
 * @param loginPhrases what a page says when a citizen must log in before writing, so the form cannot be tested
 */
public record ConsultationRules(String source, List<String> entryKeywords, List<String> excludeKeywords,
                                List<String> entryUrlHints, List<String> excludeUrlHints, List<String> loginPhrases,
                                List<String> formLinkKeywords, List<String> listLinkKeywords,
                                List<String> queryLinkKeywords, List<String> subjectHints, List<String> contentHints,
                                List<String> submitHints, Captcha captcha, TestData testData,
                                List<String> successPhrases, List<String> failurePhrases,
                                List<String> validationPhrases, String queryCodePattern, Timeouts timeouts) {

    /** What gives a captcha away: input names, nearby text, slider widget classes. */
    public record Captcha(List<String> inputHints, List<String> nearbyText, List<String> sliderHints) {
    }

    /** Clearly marked test data; {@code fallback} prefixes any other required text field. */
    public record TestData(String subject, String content, List<FieldValue> fields, String fallback) {
    }

    /** A value for fields whose label, name or placeholder contains one of {@code hints}. */
    public record FieldValue(List<String> hints, String value) {
    }

    public record Timeouts(long pageMs, long actionMs, long confirmationMs) {
        public Duration page() {
            return Duration.ofMillis(pageMs);
        }

        public Duration action() {
            return Duration.ofMillis(actionMs);
        }

        public Duration confirmation() {
            return Duration.ofMillis(confirmationMs);
        }
    }

    public static ConsultationRules standard() {
        return RuleFiles.load(ConsultationRules.class, "consultation.json", ConsultationRules.class);
    }

    public Pattern queryCode() {
        return Pattern.compile(queryCodePattern);
    }

    /** Whether {@code text} names an excluded channel (信访, 纪检举报…). */
    public boolean excluded(String text) {
        return excludeKeywords.stream().anyMatch(text::contains);
    }

    static boolean containsAny(String haystack, List<String> needles) {
        String h = haystack.toLowerCase(Locale.ROOT);
        return needles.stream().anyMatch(n -> h.contains(n.toLowerCase(Locale.ROOT)));
    }
}
