package cn.xunjian.column;

import cn.xunjian.model.Severity;
import cn.xunjian.internal.RuleFiles;
import java.util.List;

/**
 * Column classes, thresholds, phrases and the indicator each freshness case reports on; read from
 * {@code column-rules.json}. {@code unverifiedColumn} is a column whose fetched page has no list and which could
 * not be rendered to read the list its scripts build: neither blank nor stale can be said of it.
 */
public record ColumnRules(String source, List<ColumnClass> classes, Outcome staleColumn, Outcome blankColumn,
                          Outcome staleVetoA, Outcome staleVetoB, Outcome blankVeto, Outcome homeStale,
                          Outcome backdated, Outcome unverifiedColumn, List<String> blankPhrases, List<String> moreTexts,
                          List<String> sitemapTexts, List<String> nextPageTexts, List<String> pagerTexts,
                          List<String> excludeNames,
                          List<String> navSelectors, List<String> chromeSelectors, List<String> fileExtensions,
                          List<String> detailMeta, List<String> detailLabels, int minContentChars, int maxColumns,
                          int maxChannelPages, int futureToleranceDays, int minYear) {

    /**
     * A class of columns judged for staleness.
     *
     * @param group {@code a} counts toward W-V4 (a) (5 stale columns), {@code b} toward W-V4 (b) (10)
     * @param allowed the allowed age as users read it, e.g. {@code 6 个月（183 天）}
     * @param alsoIndicator a second indicator a stale column of this class reports on (W-D7), or null
     */
    public record ColumnClass(String id, String label, List<String> keywords, boolean topLevelOnly, int maxAgeDays,
                              String allowed, String group, String alsoIndicator, String alsoKind,
                              Severity alsoSeverity) {
    }

    /** Where a case is reported: indicator, kind, severity, and the case's threshold (count or days) if any. */
    public record Outcome(String indicator, String kind, Severity severity, Integer threshold) {
    }

    public static ColumnRules standard() {
        return RuleFiles.load(ColumnRules.class, "column-rules.json", ColumnRules.class);
    }
}
