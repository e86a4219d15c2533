package cn.xunjian.newmedia;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads an HTML page that lists posts with dates (an account's web archive, a 新媒体矩阵 page, a platform's public
 * profile page): every innermost list item, table row or article that carries a date is one post.
 */
final class DatedListReader implements PostListReader {
    public static final String KEY = "dated-list";
    private static final int MAX_TITLE = 80;

    private final NewMediaRules rules;

    public DatedListReader(NewMediaRules rules) {
        this.rules = rules;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public PostList read(String body, String baseUrl, LocalDate today) {
        Document doc = Jsoup.parse(body, baseUrl);
        PostDates dates = new PostDates(rules, today);
        List<Element> items = doc.select(rules.itemSelector());
        Set<Element> dated = new HashSet<>();
        for (Element item : items) {
            if (!dates.find(text(item)).isEmpty()) {
                dated.add(item);
            }
        }
        List<Post> posts = new ArrayList<>();
        for (Element item : items) {
            if (!dated.contains(item) || item.select(rules.itemSelector()).stream()
                    .anyMatch(inner -> inner != item && dated.contains(inner))) {
                continue; // an outer container: its innermost dated items are the posts
            }
            LocalDate date = dates.find(text(item)).get(0);
            Element link = item.selectFirst("a[href]");
            String title = link != null && !link.text().isBlank() ? link.text().strip() : item.text().strip();
            posts.add(new Post(title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title, date,
                    link == null ? "" : link.absUrl("href")));
            if (posts.size() >= rules.maxPosts()) {
                break;
            }
        }
        return PostList.of(posts, "页面中没有找到带发布日期的文章列表");
    }

    private static String text(Element item) {
        StringBuilder sb = new StringBuilder(item.text());
        for (Element time : item.select("time[datetime]")) {
            sb.append(' ').append(time.attr("datetime"));
        }
        return sb.toString();
    }
}
