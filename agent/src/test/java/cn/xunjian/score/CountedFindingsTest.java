package cn.xunjian.score;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.Finding;
import cn.xunjian.model.FindingIds;
import cn.xunjian.model.Severity;
import cn.xunjian.store.FindingReviews;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CountedFindingsTest {
    private static final String SITE = "http://127.0.0.1:1/";
    private final Scorer scorer = new Scorer(IndicatorCatalogue.standard());
    private final List<Finding> findings = FindingIds.assign(SITE, List.of(
            new Finding("W-V1", "darklink.hidden", Severity.VETO, SITE + "a.html", "隐藏的赌博链接", List.of()),
            new Finding("W-D1", "link.broken", Severity.DEDUCT, SITE + "b.html", "首页坏链", List.of())));

    private FindingReviews reviews(Set<String> dismissed, Set<String> confirmed) {
        return new FindingReviews() {
            @Override
            public Set<String> dismissed(String siteUrl) {
                return dismissed;
            }

            @Override
            public Set<String> confirmed(String siteUrl) {
                return confirmed;
            }
        };
    }

    @Test
    void aVetoMarkedAsAFalseAlarmNoLongerFailsTheSite() {
        String veto = findings.get(0).id();

        assertThat(scorer.judge(CountedFindings.of(SITE, findings, FindingReviews.NONE, false)).verdict().passed())
                .isFalse();
        List<Finding> counted = CountedFindings.of(SITE, findings, reviews(Set.of(veto), Set.of()), false);

        assertThat(counted).extracting(Finding::kind).containsExactly("link.broken");
        assertThat(scorer.judge(counted).verdict().passed()).isTrue();
    }

    @Test
    void withReviewBeforePublishOnlyConfirmedFindingsCount() {
        String broken = findings.get(1).id();

        List<Finding> counted = CountedFindings.of(SITE, findings, reviews(Set.of(), Set.of(broken)), true);

        assertThat(counted).extracting(Finding::id).containsExactly(broken);
        assertThat(CountedFindings.of(SITE, findings, FindingReviews.NONE, true)).isEmpty();
    }
}
