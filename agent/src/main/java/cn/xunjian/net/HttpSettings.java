package cn.xunjian.net;

import cn.xunjian.internal.DataFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stack's defaults and each purpose's headers and redirect rule, read from {@code http.json}.
 *
 * @param timeout  for a hop whose request names none
 * @param perHost  requests in flight to one host and port, unless the stack is built with another limit
 * @param minDelay between the starts of two requests to one host, likewise
 */
record HttpSettings(Duration timeout, int perHost, Duration minDelay, Map<Purpose, Profile> purposes) {

    /**
     * What a purpose sends and how it treats redirects.
     *
     * @param accept the {@code Accept} value, or null to send none
     */
    record Profile(String userAgent, String accept, Map<String, String> headers, int maxRedirects,
                   boolean followRedirects) {
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
            DataFile.Obj root = DataFile.read(HttpSettings.class, "http.json").root("_comment?", "userAgent",
                    "timeout", "maxRedirects", "perHost", "minDelay", "purposes");
            String[] names = new String[Purpose.values().length];
            for (Purpose p : Purpose.values()) {
                names[p.ordinal()] = key(p);
            }
            DataFile.Obj all = root.object("purposes", names);
            Map<Purpose, Profile> profiles = new EnumMap<>(Purpose.class);
            for (Purpose p : Purpose.values()) {
                DataFile.Obj o = all.object(key(p), "userAgent?", "accept?", "headers?", "maxRedirects?",
                        "followRedirects?");
                profiles.put(p, new Profile(
                        o.has("userAgent") ? o.string("userAgent") : root.string("userAgent"),
                        o.has("accept") ? o.string("accept") : null,
                        o.has("headers") ? Collections.unmodifiableMap(o.stringMap("headers")) : Map.of(),
                        o.has("maxRedirects") ? o.intValue("maxRedirects") : root.intValue("maxRedirects"),
                        !o.has("followRedirects") || o.bool("followRedirects")));
            }
            return new HttpSettings(Duration.parse(root.string("timeout")), root.intValue("perHost"),
                    Duration.parse(root.string("minDelay")), Map.copyOf(profiles));
        }

        private static String key(Purpose p) {
            return p.name().toLowerCase(Locale.ROOT);
        }
    }
}
