package cn.xunjian.store;

import java.util.Set;

/**
 * What people decided about a site's findings in the review console, by stable finding id: findings marked 误报 are
 * shown but not counted, and with 发布前需复核 only confirmed findings count toward the 通报.
 */
public interface FindingReviews {
    /** No reviews (a one-off audit from the command line). */
    FindingReviews NONE = new FindingReviews() {
        @Override
        public Set<String> dismissed(String siteUrl) {
            return Set.of();
        }

        @Override
        public Set<String> confirmed(String siteUrl) {
            return Set.of();
        }
    };

    /** Ids of the site's findings marked 误报. */
    Set<String> dismissed(String siteUrl);

    /** Ids of the site's findings a person confirmed (已确认). */
    Set<String> confirmed(String siteUrl);
}
