package cn.xunjian.darklink;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Host arithmetic without a public-suffix list: good enough to tell a site's own links from other sites'. */
final class Hosts {
    private static final Set<String> SECOND_LEVEL = Set.of("gov", "com", "net", "org", "edu", "ac", "mil", "co");

    private Hosts() {
    }

    /** The lower-case host of an http(s) URL; empty for other schemes and unparsable URLs. */
    static Optional<String> host(String url) {
        try {
            URI u = URI.create(url.trim());
            String scheme = u.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return Optional.empty();
            }
            return Optional.ofNullable(u.getHost()).map(h -> h.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code www.a.gov.cn} → {@code a.gov.cn}, {@code x.y.example.com} → {@code example.com}; IPs unchanged. */
    static String registrable(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.matches("[0-9.]+") || h.contains(":")) {
            return h;
        }
        String[] l = h.split("\\.");
        int n = l.length;
        if (n <= 2) {
            return h;
        }
        boolean ccSecond = l[n - 1].length() == 2 && SECOND_LEVEL.contains(l[n - 2]);
        return ccSecond ? l[n - 3] + "." + l[n - 2] + "." + l[n - 1] : l[n - 2] + "." + l[n - 1];
    }

    /** True when {@code url} is an http(s) link to another registrable domain than {@code siteUrl}'s. */
    static boolean external(String url, String siteUrl) {
        Optional<String> target = host(url);
        Optional<String> site = host(siteUrl);
        if (target.isEmpty()) {
            return false;
        }
        return site.isEmpty() || !registrable(target.get()).equals(registrable(site.get()));
    }
}
