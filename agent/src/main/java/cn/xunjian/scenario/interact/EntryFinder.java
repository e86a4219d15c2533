package cn.xunjian.scenario.interact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds links by their text on a rendered page, keywords in priority order, excluded channels left out. */
final class EntryFinder {
    /** A link and the keyword it matched. */
    public record Link(String text, String url, String keyword) {
    }

    private EntryFinder() {
    }

    /**
     * Links whose text (or title) contains one of {@code keywords}, ordered by the first keyword they match, then
     * by position; links naming an excluded channel, and links that are not http(s), are left out.
     */
    public static List<Link> find(String html, String baseUrl, List<String> keywords, List<String> exclude) {
        Document doc = Jsoup.parse(html, baseUrl);
        Map<String, Link> byUrl = new LinkedHashMap<>();
        List<List<Link>> buckets = new ArrayList<>();
        keywords.forEach(k -> buckets.add(new ArrayList<>()));
        for (Element a : doc.select("a[href], area[href]")) {
            String text = (a.text() + " " + a.attr("title") + " " + a.select("img[alt]").attr("alt")).strip();
            String url = a.absUrl("href");
            String lower = url.toLowerCase(Locale.ROOT);
            if (text.isEmpty() || !(lower.startsWith("http://") || lower.startsWith("https://"))) {
                continue;
            }
            if (exclude.stream().anyMatch(text::contains)) {
                continue;
            }
            for (int i = 0; i < keywords.size(); i++) {
                if (text.contains(keywords.get(i))) {
                    buckets.get(i).add(new Link(text, stripFragment(url), keywords.get(i)));
                    break;
                }
            }
        }
        for (List<Link> bucket : buckets) {
            for (Link l : bucket) {
                byUrl.putIfAbsent(l.url(), l);
            }
        }
        return List.copyOf(byUrl.values());
    }

    private static String stripFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
