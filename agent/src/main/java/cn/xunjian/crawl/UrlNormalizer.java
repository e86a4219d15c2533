package cn.xunjian.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a link as written into the one form the crawler requests and deduplicates on: absolute http(s), fragment
 * removed, host lower-cased, default port dropped, non-ASCII and spaces percent-encoded as UTF-8 (as a browser
 * does), and session ids ({@code ;jsessionid=…}, {@code sid=<token>}) removed so one page is not crawled once per
 * session.
 */
final class UrlNormalizer {
    private final Set<String> sessionParams;
    private final Pattern sessionValue;

    UrlNormalizer(CrawlRules.Traps traps) {
        this.sessionParams = traps.sessionParamSet();
        this.sessionValue = traps.sessionValue();
    }

    /** The normalised URL, or empty when it is not a well-formed http(s) URL. */
    Optional<String> normalize(String url) {
        return normalize(parse(withoutFragment(url.strip())));
    }

    /**
     * Resolves a link as written on a page against the page's (normalised) URL as a browser does (the WHATWG URL
     * parser, {@link WebUrl}) and normalises it; empty when a browser would find no http(s) URL in it.
     */
    Optional<String> resolve(URI base, String link) {
        Optional<WebUrl.Parsed> parsed = WebUrl.resolve(base.toString(), link);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return normalize(new URI(parsed.get().withoutFragment()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A normalised page URL prepared for resolving many links against it. */
    static final class Base {
        final URI uri;
        final String origin;
        /** The URL up to and including the last '/' of its path; null when the path has dot or empty segments. */
        final String dir;

        private Base(URI uri, String origin, String dir) {
            this.uri = uri;
            this.origin = origin;
            this.dir = dir;
        }
    }

    /** Prepares a normalised http(s) URL to resolve links against. */
    static Base base(String normalizedUrl) {
        URI uri = URI.create(normalizedUrl);
        int authority = normalizedUrl.indexOf("://") + 3;
        int slash = normalizedUrl.indexOf('/', authority);
        int q = normalizedUrl.indexOf('?');
        String origin = slash < 0 ? normalizedUrl : normalizedUrl.substring(0, slash);
        String dir = null;
        if (slash >= 0 && (q < 0 || slash < q)) {
            String path = normalizedUrl.substring(slash, q < 0 ? normalizedUrl.length() : q);
            String dirPath = path.substring(0, path.lastIndexOf('/') + 1);
            if (cleanPath(dirPath) && dirPath.indexOf(';') < 0) {
                dir = origin + dirPath;
            }
        }
        return new Base(uri, origin, dir);
    }

    /**
     * Resolves a link as {@link #resolve(URI, String)} does, with a fast path for the common plain links
     * ({@code /a/b.html}, {@code b.html}, same-origin absolute URLs) made only of unreserved characters and
     * without dot segments, where resolution is string concatenation.
     */
    Optional<String> resolve(Base base, String link) {
        String s = link.strip();
        if (plain(s)) {
            if (s.charAt(0) == '/') {
                return Optional.of(base.origin + s);
            }
            if (base.dir != null) {
                return Optional.of(base.dir + s);
            }
        } else if (s.startsWith(base.origin) && s.length() > base.origin.length()
                && s.charAt(base.origin.length()) == '/' && plain(s.substring(base.origin.length()))) {
            return Optional.of(s);
        }
        return resolve(base.uri, s);
    }

    /** Only unreserved characters and '/', not scheme-relative, no dot or empty segments. */
    private static boolean plain(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-'
                    || c == '.' || c == '_' || c == '~')) {
                return false;
            }
        }
        return cleanPath(s);
    }

    private static boolean cleanPath(String p) {
        return !(p.contains("//") || p.equals(".") || p.equals("..") || p.startsWith("./") || p.startsWith("../")
                || p.contains("/./") || p.contains("/../") || p.endsWith("/.") || p.endsWith("/.."));
    }

    private static String withoutFragment(String s) {
        int hash = s.indexOf('#');
        return hash >= 0 ? s.substring(0, hash) : s;
    }

    private Optional<String> normalize(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        int port = uri.getPort();
        if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        path = stripPathSession(path);
        String query = uri.getRawQuery() == null ? null : stripQuerySession(uri.getRawQuery());
        StringBuilder sb = new StringBuilder(path.length() + 40).append(scheme).append("://")
                .append(uri.getHost().toLowerCase(Locale.ROOT));
        if (port >= 0) {
            sb.append(':').append(port);
        }
        sb.append(path);
        if (query != null) {
            sb.append('?').append(query);
        }
        return Optional.of(sb.toString());
    }

    private static URI parse(String s) {
        try {
            URI u = new URI(s);
            return isAscii(s) ? u : new URI(u.toASCIIString());
        } catch (URISyntaxException e) {
            try {
                return new URI(encodeLoosely(s));
            } catch (URISyntaxException e2) {
                return null;
            }
        }
    }

    /** Percent-encodes what a browser would encode before sending: spaces, controls, non-ASCII, stray {@code %}. */
    static String encodeLoosely(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 16);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean strayPercent = c == '%' && !(i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]));
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}' || strayPercent) {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }

    private String stripPathSession(String path) {
        if (path.indexOf(';') < 0) {
            return path;
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            int p = segment.indexOf(';');
            if (p < 0) {
                continue;
            }
            StringBuilder kept = new StringBuilder(segment.substring(0, p));
            for (String param : segment.substring(p + 1).split(";")) {
                String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
                if (!sessionParams.contains(name.toLowerCase(Locale.ROOT))) {
                    kept.append(';').append(param);
                }
            }
            segments[i] = kept.toString();
        }
        String joined = String.join("/", segments);
        return joined.isEmpty() ? "/" : joined;
    }

    private String stripQuerySession(String query) {
        StringBuilder out = new StringBuilder(query.length());
        for (String param : query.split("&")) {
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : param.substring(eq + 1);
            if (sessionParams.contains(name) && sessionValue.matcher(value).matches()) {
                continue;
            }
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(param);
        }
        return out.length() == 0 ? null : out.toString();
    }
}
