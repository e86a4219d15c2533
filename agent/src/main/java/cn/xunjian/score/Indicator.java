package cn.xunjian.score;

import java.util.Map;

/**
 * One indicator of the catalogue.
 *
 * @param type {@code veto}, {@code deduct} or {@code warn}
 * @param cap the most points this indicator can deduct (0 for veto and warning indicators)
 * @param points points deducted per finding, by finding kind; {@code *} is the default
 */
public record Indicator(String id, String name, String type, Double cap, Map<String, Double> points) {
    public Indicator {
        cap = cap == null ? 0.0 : cap;
        points = points == null ? Map.of() : Map.copyOf(points);
    }

    public double pointsFor(String kind) {
        Double p = points.get(kind);
        return p != null ? p : points.getOrDefault("*", 0.0);
    }
}
