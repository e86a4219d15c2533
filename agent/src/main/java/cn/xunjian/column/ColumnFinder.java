package cn.xunjian.column;

import cn.xunjian.crawl.PageSource;
import cn.xunjian.model.SitePage;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Discovers a site's columns: the home page's navigation menus (nested menu entries are sub-columns), the
 * "更多>>" links of home-page blocks (named by the block's heading), the 网站地图 page linked from the home page
 * (links under a heading are sub-columns of it), and the "更多" blocks of top-level channel pages that are not
 * themselves lists. Links to other sites, attachments and entries such as 首页 are not columns.
 */
final class ColumnFinder {
    private static final String HEADINGS = "h1, h2, h3, h4, h5, h6, dt, [class*=title], [class*=tit], [class*=hd], [class*=head]";

    private final ColumnRules rules;
    private final ListPageReader reader;

    public ColumnFinder(ColumnRules rules, ListPageReader reader) {
        this.rules = rules;
        this.reader = reader;
    }

    /** The columns of the site whose home page is {@code home}, each URL once, at most the rules' maximum. */
    public List<Column> find(SitePage home, PageSource pages) {
        Document doc = Jsoup.parse(home.html(), home.url());
        Map<String, Column> found = new LinkedHashMap<>();
        navigation(doc, home.url(), found);
        moreLinks(doc, home.url(), null, Column.Source.MORE_LINK, found);
        sitemap(doc, home.url(), pages, found);
        channels(home.url(), pages, found);
        return found.values().stream().limit(rules.maxColumns()).toList();
    }

    private void navigation(Document doc, String homeUrl, Map<String, Column> found) {
        List<Element> navs = new ArrayList<>();
        for (String selector : rules.navSelectors()) {
            for (Element nav : doc.select(selector)) {
                if (nav != doc.body() && navs.stream().noneMatch(n -> n == nav || nav.parents().contains(n))) {
                    navs.add(nav);
                }
            }
        }
        for (Element nav : navs) {
            for (Element a : nav.select("a[href]")) {
                String parent = null;
                Element li = a.closest("li");
                if (li != null) {
                    Element outer = li.parent() == null ? null : li.parent().closest("li");
                    if (outer != null && outer.parents().stream().anyMatch(p -> p == nav)) {
                        Element first = outer.selectFirst("a[href]");
                        parent = first == null ? null : first.text().strip();
                    }
                }
                add(found, homeUrl, a.text(), a.absUrl("href"), parent, Column.Source.NAV);
            }
        }
    }

    private void moreLinks(Document doc, String homeUrl, String parent, Column.Source source,
                           Map<String, Column> found) {
        for (Element a : doc.select("a[href]")) {
            String text = a.text().strip();
            if (!more(text)) {
                continue;
            }
            heading(a).ifPresent(name -> add(found, homeUrl, name, a.absUrl("href"), parent, source));
        }
    }

    /** The name of the block a "更多" link belongs to: the nearest heading around it, less the link's own text. */
    private Optional<String> heading(Element more) {
        Element e = more;
        for (int i = 0; i < 4 && e.parent() != null; i++) {
            e = e.parent();
            Element h = e.is(HEADINGS) ? e : e.selectFirst(HEADINGS);
            if (h != null) {
                Element copy = h.clone();
                copy.select("a").stream().filter(x -> more(x.text().strip())).forEach(Element::remove);
                String name = copy.text().replaceAll("[>»›\\s]+$", "").strip();
                if (!name.isEmpty()) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    private boolean more(String text) {
        return ListPageReader.more(rules, text);
    }

    private void sitemap(Document doc, String homeUrl, PageSource pages, Map<String, Column> found) {
        Optional<String> link = doc.select("a[href]").stream()
                .filter(a -> rules.sitemapTexts().stream().anyMatch(t -> a.text().contains(t)))
                .map(a -> a.absUrl("href")).filter(ListPageReader::web).findFirst();
        if (link.isEmpty()) {
            return;
        }
        Optional<SitePage> page = pages.fetch(link.get());
        if (page.isEmpty()) {
            return;
        }
        Document map = Jsoup.parse(page.get().html(), page.get().url());
        Element body = map.body();
        if (body == null) {
            return;
        }
        for (String selector : rules.chromeSelectors()) {
            body.select(selector).stream().filter(e -> e != body).forEach(Element::remove);
        }
        String heading = null;
        for (Element e : body.select("h1, h2, h3, h4, h5, dt, a[href]")) {
            if (!e.normalName().equals("a")) {
                heading = e.text().strip();
                continue;
            }
            boolean inHeading = e.closest("h1, h2, h3, h4, h5, dt") != null;
            add(found, homeUrl, e.text(), e.absUrl("href"), inHeading || heading == null || heading.isEmpty()
                    ? null : heading, Column.Source.SITEMAP);
        }
    }

    /** Top-level columns whose page is a channel of blocks rather than a list contribute those blocks. */
    private void channels(String homeUrl, PageSource pages, Map<String, Column> found) {
        List<Column> tops = found.values().stream().filter(Column::topLevel).limit(rules.maxChannelPages()).toList();
        for (Column top : tops) {
            Optional<SitePage> page = pages.fetch(top.url());
            if (page.isEmpty()) {
                continue;
            }
            ListPage list = reader.read(page.get().html(), page.get().url());
            if (list.items().stream().anyMatch(i -> i.listDate() != null) && list.items().size() >= 3) {
                continue; // a list of dated links: the column itself
            }
            moreLinks(Jsoup.parse(page.get().html(), page.get().url()), homeUrl, top.name(),
                    Column.Source.CHANNEL_PAGE, found);
        }
    }

    private void add(Map<String, Column> found, String homeUrl, String rawName, String url, String parent,
                     Column.Source source) {
        String name = rawName.replaceAll("\\s+", "").strip();
        String key = url.replaceFirst("#.*$", "");
        if (name.isEmpty() || name.length() > 20 || rules.excludeNames().contains(name) || !reader.navigable(key)
                || !sameSite(homeUrl, key) || home(homeUrl, key) || found.containsKey(key)) {
            return;
        }
        found.put(key, new Column(name, key, parent == null || parent.isEmpty() ? null : parent, source));
    }

    private static boolean home(String homeUrl, String url) {
        String h = homeUrl.replaceFirst("(index\\.s?html?)?$", "");
        String u = url.replaceFirst("(index\\.s?html?)?$", "");
        return h.equals(u);
    }

    static boolean sameSite(String homeUrl, String url) {
        try {
            String a = new URI(homeUrl).getHost();
            String b = new URI(url).getHost();
            return a != null && b != null && strip(a).equals(strip(b));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String strip(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("www.") ? h.substring(4) : h;
    }
}
