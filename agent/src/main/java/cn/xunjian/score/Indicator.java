package cn.xunjian.score;

import java.util.List;
import java.util.Map;

/**
 * One indicator of the catalogue.
 *
 * @param type {@code veto}, {@code deduct} or {@code warn}
 * @param cap the most points this indicator can deduct (0 for veto and warning indicators)
 * @param points points deducted per finding, by finding kind; {@code *} is the default
 * @param counts veto thresholds over counted findings (W-V4: five stale columns veto, one does not)
 */
public record Indicator(String id, String name, String type, Double cap, Map<String, Double> points,
                        List<CountRule> counts) {
    public Indicator {
        cap = cap == null ? 0.0 : cap;
        points = points == null ? Map.of() : Map.copyOf(points);
        counts = counts == null ? List.of() : List.copyOf(counts);
    }

    /**
     * A veto reached by number: at least {@code atLeast} distinct findings of these kinds.
     *
     * @param what what is counted, in Chinese, for the message (e.g. 动态要闻、通知公告、政策文件类栏目不更新)
     */
    public record CountRule(List<String> kinds, int atLeast, String what) {
        public CountRule {
            kinds = List.copyOf(kinds);
        }
    }

    public double pointsFor(String kind) {
        Double p = points.get(kind);
        return p != null ? p : points.getOrDefault("*", 0.0);
    }
}
