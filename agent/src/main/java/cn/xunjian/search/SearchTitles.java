package cn.xunjian.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Picks titles to search for from the home page: link texts of list items, at least {@code minTitleChars} long,
 * dated items (news) first, attachments and "更多" links left out.
 */
final class SearchTitles {
    private final SearchRules rules;

    public SearchTitles(SearchRules rules) {
        this.rules = rules;
    }

    /** Candidate titles in preference order: dated list items first, then other list items. */
    public List<String> pick(String html, String baseUrl) {
        Document doc = Jsoup.parse(html, baseUrl);
        Pattern date = rules.date();
        List<String> dated = new ArrayList<>();
        List<String> undated = new ArrayList<>();
        for (Element item : doc.select(rules.itemSelector())) {
            Element link = item.selectFirst("a[href]");
            if (link == null) {
                continue;
            }
            String title = link.text().strip();
            if (title.codePointCount(0, title.length()) < rules.minTitleChars()
                    || rules.excludeTitleKeywords().stream().anyMatch(title::contains)) {
                continue;
            }
            List<String> into = date.matcher(item.text()).find() ? dated : undated;
            if (!dated.contains(title) && !undated.contains(title)) {
                into.add(title);
            }
        }
        List<String> all = new ArrayList<>(dated);
        all.addAll(undated);
        return all;
    }
}
