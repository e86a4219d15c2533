package cn.xunjian.score;

import cn.xunjian.model.Finding;
import cn.xunjian.store.FindingReviews;
import java.util.List;
import java.util.Set;

/**
 * The findings that count toward a verdict once people have reviewed them: every finding but those marked 误报, or,
 * with 发布前需复核, only those confirmed. The others are still reported, only not scored.
 */
public final class CountedFindings {
    private CountedFindings() {
    }

    public static List<Finding> of(String siteUrl, List<Finding> findings, FindingReviews reviews,
                                   boolean confirmedOnly) {
        if (confirmedOnly) {
            Set<String> confirmed = reviews.confirmed(siteUrl);
            return findings.stream().filter(f -> f.id() != null && confirmed.contains(f.id())).toList();
        }
        Set<String> dismissed = reviews.dismissed(siteUrl);
        if (dismissed.isEmpty()) {
            return findings;
        }
        return findings.stream().filter(f -> f.id() == null || !dismissed.contains(f.id())).toList();
    }
}
