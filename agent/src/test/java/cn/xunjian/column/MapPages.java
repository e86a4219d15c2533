package cn.xunjian.column;

import cn.xunjian.crawl.PageSource;
import cn.xunjian.model.SitePage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory site for unit tests: decoded pages by absolute URL, and a log of what was fetched. */
final class MapPages implements PageSource {
    static final String ORIGIN = "http://127.0.0.1:9";
    private final Map<String, String> pages = new HashMap<>();
    final List<String> fetched = new ArrayList<>();

    MapPages page(String path, String html) {
        pages.put(ORIGIN + path, html);
        return this;
    }

    /** What {@code url} serves, without logging a fetch: a static page renders as it is served. */
    Optional<String> served(String url) {
        return Optional.ofNullable(pages.get(url));
    }

    @Override
    public Optional<SitePage> fetch(String url) {
        fetched.add(url);
        return Optional.ofNullable(pages.get(url)).map(h -> new SitePage(url, h, 1));
    }

    static String list(String title, String... items) {
        StringBuilder b = new StringBuilder("<html><body><div class=\"header\"><a href=\"/\">首页</a></div>"
                + "<div class=\"main\"><h2>" + title + "</h2><ul class=\"list\">");
        for (String item : items) {
            b.append(item);
        }
        return b.append("</ul></div><div class=\"footer\">主办：临江县人民政府办公室</div></body></html>").toString();
    }

    static String item(String path, String title, String date) {
        return "<li><a href=\"" + path + "\">" + title + "</a><span class=\"date\">" + date + "</span></li>";
    }
}
