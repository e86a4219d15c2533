package cn.xunjian.score;

import java.util.Map;

/**
 * One indicator of the catalogue.
 *
 * @param type {@code veto}, {@code deduct} or {@code warn}
 * @param cap the most points this indicator can deduct (0 for veto and warning indicators)
 * @param points points deducted per finding, by finding kind; {@code *} is the default
 * @param subject {@code website} (the default) or {@code newmedia}: new-media accounts, mini programs and web views
 *     are judged account by account, never as part of the website's verdict
 */
public record Indicator(String id, String name, String type, Double cap, Map<String, Double> points,
                        String subject) {
    public static final String NEW_MEDIA = "newmedia";

    public Indicator {
        cap = cap == null ? 0.0 : cap;
        points = points == null ? Map.of() : Map.copyOf(points);
        subject = subject == null ? "website" : subject;
    }

    public boolean newMedia() {
        return NEW_MEDIA.equals(subject);
    }

    public double pointsFor(String kind) {
        Double p = points.get(kind);
        return p != null ? p : points.getOrDefault("*", 0.0);
    }
}
