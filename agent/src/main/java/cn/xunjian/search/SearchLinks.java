package cn.xunjian.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the links of a page that lead to the site's search page: a link whose text (or title, or the alt of its
 * image) says 站内搜索 / 全文检索 / 搜索…, else one whose target looks like a search page ({@code /search.html},
 * {@code search.jsp}, a {@code so.} host). Many sites keep the search on a page of its own, linked from the
 * navigation or a mobile header, instead of a box on the home page.
 */
final class SearchLinks {
    /** A link to a search page: what it says and where it goes. */
    record Link(String text, String url) {
    }

    private SearchLinks() {
    }

    /** The search-page links of {@code html}: by text in the rules' order of preference, then by target. */
    static List<Link> find(String html, String baseUrl, SearchRules rules) {
        Document doc = Jsoup.parse(html, baseUrl);
        String self = withoutFragment(baseUrl);
        List<List<Link>> byText = new ArrayList<>();
        rules.linkTexts().forEach(t -> byText.add(new ArrayList<>()));
        List<Link> byTarget = new ArrayList<>();
        for (Element a : doc.select("a[href], area[href]")) {
            String url = withoutFragment(a.absUrl("href"));
            String lower = url.toLowerCase(Locale.ROOT);
            if (!(lower.startsWith("http://") || lower.startsWith("https://")) || url.equals(self)) {
                continue;
            }
            String text = (a.text() + " " + a.attr("title") + " " + a.select("img[alt]").attr("alt")).strip();
            int hint = firstHint(text, rules.linkTexts());
            if (hint >= 0) {
                byText.get(hint).add(new Link(text, url));
            } else if (rules.linkUrlHints().stream().anyMatch(h -> lower.contains(h.toLowerCase(Locale.ROOT)))) {
                byTarget.add(new Link(text, url));
            }
        }
        Map<String, Link> ordered = new LinkedHashMap<>();
        byText.forEach(bucket -> bucket.forEach(l -> ordered.putIfAbsent(l.url(), l)));
        byTarget.forEach(l -> ordered.putIfAbsent(l.url(), l));
        return List.copyOf(ordered.values());
    }

    private static int firstHint(String text, List<String> hints) {
        for (int i = 0; i < hints.size(); i++) {
            if (text.contains(hints.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
