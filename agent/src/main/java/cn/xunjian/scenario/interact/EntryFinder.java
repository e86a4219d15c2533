package cn.xunjian.scenario.interact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds links by their text on a rendered page, keywords in priority order, excluded channels left out. */
final class EntryFinder {
    /** A link and the keyword (or target hint) it matched. */
    public record Link(String text, String url, String keyword) {
    }

    private EntryFinder() {
    }

    /**
     * Links whose text (or title) contains one of {@code keywords}, ordered by the first keyword they match, then
     * by position; links naming an excluded channel, and links that are not http(s), are left out.
     */
    public static List<Link> find(String html, String baseUrl, List<String> keywords, List<String> exclude) {
        return find(html, baseUrl, keywords, exclude, List.of(), List.of());
    }

    /**
     * As {@link #find(String, String, List, List)}, and after the links found by text, the links without any text,
     * title or alt whose target contains one of {@code urlHints} (an image link to a 12345 or 互动 platform says
     * nothing else); a target
     * containing one of {@code excludeUrlHints} is left out whatever its text. A keyword of digits matches only a
     * number of its own: 12345 is the hotline, 浙ICP备12345678号 is not.
     */
    public static List<Link> find(String html, String baseUrl, List<String> keywords, List<String> exclude,
                                  List<String> urlHints, List<String> excludeUrlHints) {
        Document doc = Jsoup.parse(html, baseUrl);
        Map<String, Link> byUrl = new LinkedHashMap<>();
        List<List<Link>> buckets = new ArrayList<>();
        keywords.forEach(k -> buckets.add(new ArrayList<>()));
        List<Link> byTarget = new ArrayList<>();
        for (Element a : doc.select("a[href], area[href]")) {
            String text = (a.text() + " " + a.attr("title") + " " + a.select("img[alt]").attr("alt")).strip();
            String url = a.absUrl("href");
            String lower = url.toLowerCase(Locale.ROOT);
            if (!(lower.startsWith("http://") || lower.startsWith("https://"))) {
                continue;
            }
            if (exclude.stream().anyMatch(text::contains) || containsAny(lower, excludeUrlHints)) {
                continue;
            }
            int matched = -1;
            for (int i = 0; i < keywords.size() && !text.isEmpty(); i++) {
                if (mentions(text, keywords.get(i))) {
                    matched = i;
                    break;
                }
            }
            if (matched >= 0) {
                buckets.get(matched).add(new Link(text, stripFragment(url), keywords.get(matched)));
            } else if (text.isEmpty()) {
                urlHints.stream().filter(h -> lower.contains(h.toLowerCase(Locale.ROOT))).findFirst()
                        .ifPresent(h -> byTarget.add(new Link(url, stripFragment(url), h)));
            }
        }
        for (List<Link> bucket : buckets) {
            for (Link l : bucket) {
                byUrl.putIfAbsent(l.url(), l);
            }
        }
        byTarget.forEach(l -> byUrl.putIfAbsent(l.url(), l));
        return List.copyOf(byUrl.values());
    }

    private static boolean mentions(String text, String keyword) {
        if (!keyword.isEmpty() && keyword.chars().allMatch(Character::isDigit)) {
            return Pattern.compile("(?<!\\d)" + Pattern.quote(keyword) + "(?!\\d)").matcher(text).find();
        }
        return text.contains(keyword);
    }

    private static boolean containsAny(String lowerUrl, List<String> hints) {
        return hints.stream().anyMatch(h -> lowerUrl.contains(h.toLowerCase(Locale.ROOT)));
    }

    private static String stripFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
