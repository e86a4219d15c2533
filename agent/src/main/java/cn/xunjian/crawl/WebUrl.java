package cn.xunjian.crawl;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves a link as written against an http(s) base URL the way the WHATWG URL Standard's basic URL parser does
 * (what browsers do), for the special schemes http and https only. {@code java.net.URI} follows RFC 3986 and differs
 * where pages get it wrong: it reads {@code //////} as an empty authority and a path where a browser finds no host
 * and so no URL at all, rejects {@code (https://…)} where a browser resolves a relative path, keeps backslashes and
 * tabs that a browser turns into slashes or drops, and leaves {@code %2e} segments alone.
 *
 * <p>Why not a library: galimatias ({@code io.mola.galimatias}), the one Java implementation of the standard on
 * Maven Central, has had no release since 2014; this class implements only the parts a link checker needs.
 * Deviations, all so that {@code java.net.URI} accepts the result: characters it refuses and browsers send as they
 * are ({@code | ^ [ ] \ `} and a {@code %} not followed by two hex digits) are percent-encoded; non-ASCII in the
 * query is encoded as UTF-8 whatever the page's encoding.
 */
final class WebUrl {
    /** A resolved URL: scheme, host and port, path and query as sent, and the fragment (null when none). */
    record Parsed(String withoutFragment, String fragment) {
    }

    private WebUrl() {
    }

    /**
     * The link resolved against {@code base} (an absolute http(s) URL), or empty when a browser would find no
     * valid URL or one of another scheme.
     */
    static Optional<Parsed> resolve(String base, String input) {
        String s = clean(input);
        int schemeEnd = schemeEnd(s);
        Parts b = Parts.of(base);
        if (schemeEnd > 0) {
            String scheme = s.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.empty();
            }
            String rest = s.substring(schemeEnd + 1);
            if (b != null && scheme.equals(b.scheme) && !(startsWithSlashes(rest, 2))) {
                return relative(b, rest, scheme);
            }
            return authority(scheme, stripSlashes(rest));
        }
        if (b == null) {
            return Optional.empty();
        }
        return relative(b, s, b.scheme);
    }

    /** Whether the link names a scheme other than http(s) ({@code ftp:}, {@code weixin:}): not ours to check. */
    static boolean otherScheme(String input) {
        String s = clean(input);
        int end = schemeEnd(s);
        if (end <= 0) {
            return false;
        }
        String scheme = s.substring(0, end).toLowerCase(Locale.ROOT);
        return !scheme.equals("http") && !scheme.equals("https");
    }

    /** Leading and trailing C0 controls and spaces removed, tabs and newlines removed anywhere. */
    private static String clean(String input) {
        int from = 0;
        int to = input.length();
        while (from < to && input.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && input.charAt(to - 1) <= ' ') {
            to--;
        }
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = input.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The index of the colon ending a scheme at the start, or -1. */
    private static int schemeEnd(String s) {
        if (s.isEmpty() || !isAlpha(s.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!(isAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isSlash(char c) {
        return c == '/' || c == '\\';
    }

    private static boolean startsWithSlashes(String s, int n) {
        if (s.length() < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!isSlash(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** "special authority ignore slashes state": any number of slashes and backslashes before the host. */
    private static String stripSlashes(String s) {
        int i = 0;
        while (i < s.length() && isSlash(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }

    private static Optional<Parsed> relative(Parts b, String s, String scheme) {
        if (!s.isEmpty() && isSlash(s.charAt(0))) {
            if (s.length() > 1 && isSlash(s.charAt(1))) {
                return authority(scheme, stripSlashes(s));
            }
            return finish(scheme, b.hostPort, new ArrayList<>(), s, false);
        }
        if (s.isEmpty()) {
            return Optional.of(new Parsed(b.scheme + "://" + b.hostPort + b.path + (b.query == null ? "" : "?" + b.query),
                    null));
        }
        if (s.charAt(0) == '?' || s.charAt(0) == '#') {
            String[] qf = queryAndFragment(s);
            String query = s.charAt(0) == '#' ? b.query : qf[0];
            return Optional.of(new Parsed(scheme + "://" + b.hostPort + b.path + (query == null ? "" : "?" + query),
                    qf[1]));
        }
        List<String> segments = b.segments();
        if (!segments.isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        return finish(scheme, b.hostPort, segments, s, true);
    }

    /** Parses {@code host[:port]…} after the slashes. */
    private static Optional<Parsed> authority(String scheme, String s) {
        int end = 0;
        while (end < s.length() && !isSlash(s.charAt(end)) && s.charAt(end) != '?' && s.charAt(end) != '#') {
            end++;
        }
        String auth = s.substring(0, end);
        int at = auth.lastIndexOf('@');
        if (at >= 0) {
            auth = auth.substring(at + 1); // credentials are not part of what a link checker requests
        }
        String host;
        String port = "";
        int close = auth.lastIndexOf(']');
        int colon = auth.lastIndexOf(':');
        if (colon > close) {
            host = auth.substring(0, colon);
            port = auth.substring(colon + 1);
        } else {
            host = auth;
        }
        Optional<String> h = host(host);
        if (h.isEmpty()) {
            return Optional.empty();
        }
        String hostPort = h.get();
        if (!port.isEmpty()) {
            for (int i = 0; i < port.length(); i++) {
                if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                    return Optional.empty();
                }
            }
            int p;
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (p > 65535) {
                return Optional.empty();
            }
            boolean isDefault = (scheme.equals("http") && p == 80) || (scheme.equals("https") && p == 443);
            if (!isDefault) {
                hostPort += ":" + p;
            }
        }
        return finish(scheme, hostPort, new ArrayList<>(), s.substring(end), false);
    }

    /** The "host parser" for special schemes: percent-decoded, IDNA to ASCII, lower case, IPv4 numbers. */
    private static Optional<String> host(String raw) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (raw.startsWith("[")) {
            if (!raw.endsWith("]") || raw.length() < 4) {
                return Optional.empty();
            }
            String inner = raw.substring(1, raw.length() - 1);
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                    return Optional.empty();
                }
            }
            return Optional.of("[" + inner.toLowerCase(Locale.ROOT) + "]");
        }
        String decoded = percentDecode(raw);
        String ascii;
        try {
            ascii = IDN.toASCII(decoded, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (ascii.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (c <= ' ' || "#%/:<>?@[\\]^|\u007f".indexOf(c) >= 0) {
                return Optional.empty(); // forbidden domain code points
            }
        }
        return Optional.of(ipv4(ascii).orElse(ascii));
    }

    /** An IPv4 address written as browsers accept it ({@code 0x7f.1}, {@code 2130706433}), when the host is one. */
    private static Optional<String> ipv4(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] parts = h.split("\\.", -1);
        String last = parts[parts.length - 1];
        if (last.isEmpty() || !(last.chars().allMatch(c -> c >= '0' && c <= '9')
                || (last.startsWith("0x") || last.startsWith("0X")))) {
            return Optional.empty();
        }
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] n = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            int radix = 10;
            if (p.startsWith("0x") || p.startsWith("0X")) {
                radix = 16;
                p = p.substring(2);
            } else if (p.length() > 1 && p.startsWith("0")) {
                radix = 8;
                p = p.substring(1);
            }
            try {
                n[i] = p.isEmpty() ? 0 : Long.parseLong(p, radix);
            } catch (NumberFormatException e) {
                return Optional.empty(); // not a number: a domain with a numeric-looking last label is invalid
            }
        }
        long value = 0;
        for (int i = 0; i < n.length - 1; i++) {
            if (n[i] > 255) {
                return Optional.empty();
            }
            value += n[i] << (8 * (3 - i));
        }
        long lastMax = 1L << (8 * (5 - n.length));
        if (n[n.length - 1] >= lastMax) {
            return Optional.empty();
        }
        value += n[n.length - 1];
        return Optional.of(((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "."
                + (value & 255));
    }

    /** Path (from {@code s}, appended to {@code segments}), query and fragment. */
    private static Optional<Parsed> finish(String scheme, String hostPort, List<String> segments, String s,
                                           boolean relativePath) {
        int end = 0;
        while (end < s.length() && s.charAt(end) != '?' && s.charAt(end) != '#') {
            end++;
        }
        String path = s.substring(0, end);
        String[] qf = queryAndFragment(s.substring(end));
        String start = path.isEmpty() || !isSlash(path.charAt(0)) ? path : path.substring(1);
        if (!path.isEmpty() || !relativePath) {
            String[] parts = start.split("[/\\\\]", -1);
            for (int i = 0; i < parts.length; i++) {
                String seg = parts[i];
                boolean lastPart = i == parts.length - 1;
                if (isDoubleDot(seg)) {
                    if (!segments.isEmpty()) {
                        segments.remove(segments.size() - 1);
                    }
                    if (lastPart) {
                        segments.add("");
                    }
                } else if (isSingleDot(seg)) {
                    if (lastPart) {
                        segments.add("");
                    }
                } else {
                    segments.add(encode(seg, PATH));
                }
            }
        }
        StringBuilder sb = new StringBuilder(scheme).append("://").append(hostPort);
        if (segments.isEmpty()) {
            sb.append('/');
        }
        for (String seg : segments) {
            sb.append('/').append(seg);
        }
        if (qf[0] != null) {
            sb.append('?').append(qf[0]);
        }
        return Optional.of(new Parsed(sb.toString(), qf[1]));
    }

    /** From a string starting with '?' or '#' (or empty): the encoded query and the fragment, each null if absent. */
    private static String[] queryAndFragment(String s) {
        String query = null;
        String fragment = null;
        int hash = s.indexOf('#');
        String q = hash >= 0 ? s.substring(0, hash) : s;
        if (hash >= 0) {
            fragment = s.substring(hash + 1);
        }
        if (q.startsWith("?")) {
            query = encode(q.substring(1), QUERY);
        }
        return new String[] {query, fragment};
    }

    private static boolean isSingleDot(String seg) {
        return seg.equals(".") || seg.equalsIgnoreCase("%2e");
    }

    private static boolean isDoubleDot(String seg) {
        String l = seg.toLowerCase(Locale.ROOT);
        return l.equals("..") || l.equals(".%2e") || l.equals("%2e.") || l.equals("%2e%2e");
    }

    private static final String PATH = " \"#<>?`{}|^[]\\";
    private static final String QUERY = " \"#<>'`{}|^[]\\";

    /** Percent-encodes C0 controls, non-ASCII (as UTF-8), {@code extra} and stray '%'. */
    private static String encode(String s, String extra) {
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = c > ' ' && c < 0x7f && extra.indexOf(c) < 0 && c != '%';
        }
        if (plain) {
            return s;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 16);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean strayPercent = c == '%' && !(i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]));
            if (c <= 0x20 || c >= 0x7f || extra.indexOf(c) >= 0 || strayPercent) {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** A base URL split as the parser needs it. */
    private record Parts(String scheme, String hostPort, String path, String query) {
        static Parts of(String base) {
            if (base == null) {
                return null;
            }
            int colon = base.indexOf("://");
            if (colon < 0) {
                return null;
            }
            String scheme = base.substring(0, colon).toLowerCase(Locale.ROOT);
            int start = colon + 3;
            int end = start;
            while (end < base.length() && "/?#".indexOf(base.charAt(end)) < 0) {
                end++;
            }
            String rest = base.substring(end);
            int hash = rest.indexOf('#');
            if (hash >= 0) {
                rest = rest.substring(0, hash);
            }
            int q = rest.indexOf('?');
            String path = q >= 0 ? rest.substring(0, q) : rest;
            return new Parts(scheme, base.substring(start, end), path.isEmpty() ? "/" : path,
                    q >= 0 ? rest.substring(q + 1) : null);
        }

        List<String> segments() {
            List<String> out = new ArrayList<>();
            String p = path.startsWith("/") ? path.substring(1) : path;
            for (String seg : p.split("/", -1)) {
                out.add(seg);
            }
            return out;
        }
    }
}
