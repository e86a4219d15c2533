package cn.xunjian.model;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Gives each finding of a site its stable identity: a fingerprint of indicator, kind, the normalised URL and the
 * subject. URLs on the site's own origin are taken relative to it (path and query), so the identity survives a
 * port or scheme change of the whole site and is the same in the next run of an unchanged site. Severity and
 * message wording are not part of it: a problem whose count changed, or that turned from warning into veto, is
 * still the same problem. The n-th repeat of the same identity on a site gets {@code -n} appended, so ids are
 * unique within a site.
 */
public final class FindingIds {
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final int HEX_CHARS = 16;

    private FindingIds() {
    }

    /** The findings with ids, in the same order; findings that already have one keep it. */
    public static List<Finding> assign(String siteUrl, List<Finding> findings) {
        Map<String, Integer> seen = new HashMap<>();
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (f.id() != null) {
                seen.merge(f.id(), 1, Integer::sum);
                out.add(f);
                continue;
            }
            String base = fingerprint(siteUrl, f);
            int n = seen.merge(base, 1, Integer::sum);
            out.add(f.withId(n == 1 ? base : base + "-" + n));
        }
        return out;
    }

    /** The fingerprint of one finding on the site at {@code siteUrl}, without the repeat suffix. */
    public static String fingerprint(String siteUrl, Finding f) {
        String origin = origin(siteUrl);
        String key = String.join("\u001f", f.indicator(), f.kind(), relative(origin, f.url()),
                relative(origin, f.subject()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The message with numbers as {@code #}, whitespace collapsed, lower case. */
    public static String messageKey(String message) {
        String digitsOut = NUMBER.matcher(message).replaceAll("#");
        return SPACE.matcher(digitsOut).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    /** {@code text} with every occurrence of the site's origin taken out, URLs normalised. */
    static String relative(String origin, String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String normal = normalise(text);
        return origin.isEmpty() ? normal : normal.replace(origin, "");
    }

    /** Lower-case scheme and host, no default port, no fragment; anything that is not a URL as it is. */
    static String normalise(String text) {
        if (!text.startsWith("http://") && !text.startsWith("https://")) {
            return text;
        }
        try {
            URI u = URI.create(text.strip());
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return origin(u) + path + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String origin(String url) {
        try {
            return origin(URI.create(url.strip()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return "";
        }
    }

    private static String origin(URI u) {
        if (u.getHost() == null) {
            return "";
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        int port = u.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
