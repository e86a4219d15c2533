package cn.xunjian.net;

import cn.xunjian.internal.DataFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The stack's defaults and each purpose's headers and redirect rule, read from {@code http.json}.
 *
 * @param timeout  for a hop whose request names none
 * @param perHost  requests in flight to one host and port, unless the stack is built with another limit
 * @param minDelay between the starts of two requests to one host, likewise
 * @param politeness what a 429, a 503 and a burst of 5xx do
 */
record HttpSettings(Duration timeout, int perHost, Duration minDelay, Politeness politeness,
                    Map<Purpose, Profile> purposes) {

    /**
     * What a purpose sends and how it treats redirects.
     *
     * @param accept the {@code Accept} value, or null to send none
     * @param retryAfter whether a 429 or 503 is repeated after its {@code Retry-After} (a probe measures the
     *                   answer as it is; an alert has retries of its own)
     */
    record Profile(String userAgent, String accept, Map<String, String> headers, int maxRedirects,
                   boolean followRedirects, boolean retryAfter) {
        Profile withUserAgent(String agent) {
            return new Profile(agent, accept, headers, maxRedirects, followRedirects, retryAfter);
        }

        /** User-Agent, then Accept, then the extra headers, in that order on the wire. */
        List<Header> headerList() {
            List<Header> list = new ArrayList<>();
            list.add(new Header("User-Agent", userAgent));
            if (accept != null) {
                list.add(new Header("Accept", accept));
            }
            headers.forEach((name, value) -> list.add(new Header(name, value)));
            return list;
        }
    }

    Profile profile(Purpose purpose) {
        return purposes.get(purpose);
    }

    /** The settings in {@code http.json}, read once. */
    static HttpSettings standard() {
        return Standard.SETTINGS;
    }

    private static final class Standard {
        static final HttpSettings SETTINGS = read();

        private static HttpSettings read() {
            DataFile.Obj root = DataFile.read(HttpSettings.class, "http.json").root("_comment?", "_userAgent?", "userAgent",
                    "timeout", "maxRedirects", "perHost", "minDelay", "politeness", "purposes");
            String[] names = new String[Purpose.values().length];
            for (Purpose p : Purpose.values()) {
                names[p.ordinal()] = key(p);
            }
            DataFile.Obj all = root.object("purposes", names);
            Map<Purpose, Profile> profiles = new EnumMap<>(Purpose.class);
            for (Purpose p : Purpose.values()) {
                DataFile.Obj o = all.object(key(p), "userAgent?", "accept?", "headers?", "maxRedirects?",
                        "followRedirects?", "retryAfter?");
                profiles.put(p, new Profile(
                        o.has("userAgent") ? o.string("userAgent") : root.string("userAgent"),
                        o.has("accept") ? o.string("accept") : null,
                        o.has("headers") ? Collections.unmodifiableMap(o.stringMap("headers")) : Map.of(),
                        o.has("maxRedirects") ? o.intValue("maxRedirects") : root.intValue("maxRedirects"),
                        !o.has("followRedirects") || o.bool("followRedirects"),
                        !o.has("retryAfter") || o.bool("retryAfter")));
            }
            return new HttpSettings(Duration.parse(root.string("timeout")), root.intValue("perHost"),
                    Duration.parse(root.string("minDelay")), politeness(root), Map.copyOf(profiles));
        }

        private static Politeness politeness(DataFile.Obj root) {
            DataFile.Obj p = root.object("politeness", "_comment?", "retryStatuses", "retryWithoutRetryAfter",
                    "maxRetries", "maxRetryAfter", "defaultRetryAfter", "backoffStatuses", "recoverAfter");
            return new Politeness(Set.copyOf(p.ints("retryStatuses")), Set.copyOf(p.ints("retryWithoutRetryAfter")),
                    p.intValue("maxRetries"), Duration.parse(p.string("maxRetryAfter")),
                    Duration.parse(p.string("defaultRetryAfter")), Set.copyOf(p.ints("backoffStatuses")),
                    p.intValue("recoverAfter"));
        }

        private static String key(Purpose p) {
            return p.name().toLowerCase(Locale.ROOT);
        }
    }
}
