package cn.xunjian.crawl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The URLs in attributes that are not a single URL, and which {@code <link>} elements a browser fetches: shared by
 * the scanner and the DOM path of {@link LinkExtractor}, so that both find the same links.
 */
final class Sources {
    /** {@code rel} keywords of a {@code <link>} whose target the browser loads, by the role they give it. */
    private static final Set<String> STYLESHEET = Set.of("stylesheet");
    private static final Set<String> ICON = Set.of("icon", "apple-touch-icon", "apple-touch-icon-precomposed",
            "mask-icon");
    private static final Set<String> PRELOAD = Set.of("preload", "modulepreload", "prefetch", "manifest");

    private Sources() {
    }

    /**
     * The role of a {@code <link rel=…>} that the browser fetches — {@code stylesheet}, {@code icon} or
     * {@code preload} — or null (hints such as {@code dns-prefetch} and {@code preconnect} name a host, not a
     * resource; {@code canonical}, {@code alternate} and the like are not loaded).
     */
    static String linkRole(String rel) {
        if (rel == null) {
            return null;
        }
        String role = null;
        for (String token : rel.toLowerCase(Locale.ROOT).split("[ \t\n\f\r]+")) {
            if (STYLESHEET.contains(token)) {
                return "stylesheet";
            }
            if (ICON.contains(token)) {
                role = "icon";
            } else if (PRELOAD.contains(token) && role == null) {
                role = "preload";
            }
        }
        return role;
    }

    /** The URLs of a {@code srcset}, as the HTML standard's "parse a srcset attribute" splits it. */
    static List<String> srcset(String value) {
        List<String> urls = new ArrayList<>(2);
        int n = value.length();
        int i = 0;
        while (i < n) {
            while (i < n && (isSpace(value.charAt(i)) || value.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && !isSpace(value.charAt(i))) {
                i++;
            }
            String url = value.substring(start, i);
            if (url.endsWith(",")) {
                int end = url.length();
                while (end > 0 && url.charAt(end - 1) == ',') {
                    end--;
                }
                url = url.substring(0, end);
            } else {
                int depth = 0; // descriptors run to a comma outside parentheses
                while (i < n && (value.charAt(i) != ',' || depth > 0)) {
                    char c = value.charAt(i);
                    depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
                    i++;
                }
            }
            if (!url.isEmpty()) {
                urls.add(url);
            }
        }
        return urls;
    }

    /**
     * The URL of a {@code <meta http-equiv=refresh content=…>}, as the HTML standard's "shared declarative refresh
     * steps" read it, or null when it names none (a plain reload).
     */
    static String refreshUrl(String content) {
        int n = content.length();
        int i = 0;
        while (i < n && isSpace(content.charAt(i))) {
            i++;
        }
        int digits = i;
        while (i < n && (Character.isDigit(content.charAt(i)) || content.charAt(i) == '.')) {
            i++;
        }
        if (i == digits) {
            return null;
        }
        while (i < n && isSpace(content.charAt(i))) {
            i++;
        }
        if (i < n && (content.charAt(i) == ';' || content.charAt(i) == ',')) {
            i++;
        }
        while (i < n && isSpace(content.charAt(i))) {
            i++;
        }
        if (i >= n) {
            return null;
        }
        if (n - i >= 3 && content.substring(i, i + 3).equalsIgnoreCase("url")) {
            int k = i + 3;
            while (k < n && isSpace(content.charAt(k))) {
                k++;
            }
            if (k < n && content.charAt(k) == '=') {
                i = k + 1;
                while (i < n && isSpace(content.charAt(i))) {
                    i++;
                }
            }
        }
        if (i < n && (content.charAt(i) == '"' || content.charAt(i) == '\'')) {
            char q = content.charAt(i);
            int end = content.indexOf(q, i + 1);
            String url = end < 0 ? content.substring(i + 1) : content.substring(i + 1, end);
            return url.isBlank() ? null : url;
        }
        String url = content.substring(i).strip();
        return url.isEmpty() ? null : url;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
