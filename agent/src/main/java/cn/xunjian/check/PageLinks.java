package cn.xunjian.check;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The checkable links, images and attachments of a parsed page, each URL once with the first element using it. */
final class PageLinks {
    private static final String SELECTOR = "a[href], area[href], img[src], iframe[src], embed[src], "
            + "script[src], link[rel=stylesheet][href], source[src]";

    private PageLinks() {
    }

    /** URL (fragment removed) → first element that refers to it, in document order. */
    static Map<String, Element> of(Document doc) {
        Map<String, Element> links = new LinkedHashMap<>();
        for (Element el : doc.select(SELECTOR)) {
            String attr = el.hasAttr("href") ? "href" : "src";
            String raw = el.attr(attr).strip();
            if (raw.isEmpty() || raw.startsWith("#") || isIgnoredScheme(raw)) {
                continue;
            }
            String abs = el.absUrl(attr);
            if (abs.isEmpty()) {
                abs = raw;
            }
            String clean = withoutFragment(abs);
            if (clean.startsWith("http://") || clean.startsWith("https://")) {
                links.putIfAbsent(clean, el);
            } else if (!clean.contains(":")) {
                links.putIfAbsent(clean, el);
            }
        }
        return links;
    }

    static boolean isIgnoredScheme(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        return lower.startsWith("javascript:") || lower.startsWith("mailto:") || lower.startsWith("tel:")
                || lower.startsWith("data:") || lower.startsWith("sms:") || lower.startsWith("about:");
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        String s = hash < 0 ? url : url.substring(0, hash);
        // spaces and Chinese characters are common in government links; encode them the way a browser would
        try {
            return URI.create(s).toString();
        } catch (IllegalArgumentException e) {
            return encodeLoosely(s);
        }
    }

    private static String encodeLoosely(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}') {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    /** The text a reader would use to recognise the link. */
    static String label(Element el) {
        String text = el.text().strip();
        if (text.isEmpty()) {
            text = el.attr("alt").isBlank() ? el.attr("title") : el.attr("alt");
        }
        if (text.isEmpty()) {
            text = "<" + el.tagName() + ">";
        }
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    static List<String> urls(Map<String, Element> links) {
        return new ArrayList<>(links.keySet());
    }
}
