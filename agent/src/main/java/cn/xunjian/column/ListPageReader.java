package cn.xunjian.column;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a list page: the entries of its main list with their dates, blank-column phrases and the next page.
 * Header, navigation and footer (the rules' chrome selectors) are left out so that a site-wide menu is not taken
 * for content; among the remaining link groups the one with the most dated entries is the main list, so a
 * "hot news" side box cannot make a stale column look fresh.
 */
final class ListPageReader {
    private static final Set<String> ITEM_TAGS = Set.of("li", "tr", "dd", "dt", "p");

    private final ColumnRules rules;
    private final DateExtractor dates;

    public ListPageReader(ColumnRules rules, DateExtractor dates) {
        this.rules = rules;
        this.dates = dates;
    }

    /** The page with its main list only. */
    public ListPage read(String html, String url) {
        return read(html, url, false);
    }

    /** The page with the entries of all its link groups (a home page's blocks). */
    public ListPage readAll(String html, String url) {
        return read(html, url, true);
    }

    private ListPage read(String html, String url, boolean all) {
        Document doc = Jsoup.parse(html, url);
        String next = null;
        for (Element a : doc.select("a[href]")) {
            String text = a.text().strip();
            if (next == null && rules.nextPageTexts().stream().anyMatch(text::contains)) {
                String abs = a.absUrl("href");
                next = abs.isEmpty() || abs.equals(url) ? null : abs;
            }
        }
        Element body = doc.body() == null ? new Element("body") : doc.body();
        for (String selector : rules.chromeSelectors()) {
            body.select(selector).stream().filter(e -> e != body).forEach(Element::remove);
        }
        String content = body.text();
        String blank = rules.blankPhrases().stream().filter(content::contains).findFirst().orElse(null);
        Map<Element, List<ListItem>> groups = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Element a : body.select("a[href]")) {
            String href = a.absUrl("href");
            String title = a.text().strip();
            if (!web(href) || title.isEmpty() || skipped(title) || !seen.add(href)) {
                continue;
            }
            Element item = itemOf(a);
            String outside = item.text().replace(title, " ");
            ListItem entry = new ListItem(title, href, dates.fromListText(outside).orElse(null),
                    dates.fromUrl(href).orElse(null));
            groups.computeIfAbsent(item.parent() == null ? item : item.parent(), k -> new ArrayList<>()).add(entry);
        }
        List<ListItem> main = List.of();
        long bestDated = -1;
        for (List<ListItem> group : groups.values()) {
            long dated = group.stream().filter(i -> i.listDate() != null).count();
            if (dated > bestDated || (dated == bestDated && group.size() > main.size())) {
                main = group;
                bestDated = dated;
            }
        }
        if (all) {
            main = groups.values().stream().flatMap(List::stream).toList();
        }
        int contentChars = contentOutsideLinks(body).length();
        return new ListPage(url, main, blank, contentChars, next);
    }

    /** Whether the page has nothing to show: a blank phrase, or no list and next to no content. */
    public boolean blank(ListPage page) {
        return page.blankPhrase() != null || (page.items().isEmpty() && page.contentChars() < rules.minContentChars());
    }

    private static String contentOutsideLinks(Element body) {
        Element copy = body.clone();
        copy.select("a, h1, h2, h3, h4, h5, h6, title").remove();
        return copy.text().replaceAll("\\s+", "");
    }

    private static Element itemOf(Element a) {
        Element e = a;
        for (int i = 0; i < 4 && e.parent() != null; i++) {
            e = e.parent();
            if (ITEM_TAGS.contains(e.normalName())) {
                return e;
            }
        }
        return a.parent() == null ? a : a.parent();
    }

    private boolean skipped(String title) {
        return title.matches("[\\d\\s.>»<«|]+") || more(rules, title)
                || rules.nextPageTexts().stream().anyMatch(title::contains)
                || rules.pagerTexts().contains(title);
    }

    /** Whether a link's text is a block's "更多>>" / "more" link rather than an entry. */
    static boolean more(ColumnRules rules, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return !t.isEmpty() && rules.moreTexts().stream().anyMatch(m -> t.startsWith(m.toLowerCase(Locale.ROOT)));
    }

    static boolean web(String href) {
        return href.startsWith("http://") || href.startsWith("https://");
    }

    /** A web page rather than an attachment (PDF, DOC…), which has no list and no date meta. */
    boolean navigable(String href) {
        if (!web(href)) {
            return false;
        }
        String path = href.replaceFirst("[?#].*$", "").toLowerCase(Locale.ROOT);
        int dot = path.lastIndexOf('.');
        return dot < path.lastIndexOf('/') || !rules.fileExtensions().contains(path.substring(dot + 1));
    }
}
