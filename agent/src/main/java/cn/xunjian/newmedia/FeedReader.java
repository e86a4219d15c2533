package cn.xunjian.newmedia;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads an RSS 2.0 or Atom feed (for instance one published by the account's owner or an RSS bridge): items with
 * {@code pubDate} / {@code dc:date}, entries with {@code published} / {@code updated}, read in Asia/Shanghai.
 */
final class FeedReader implements PostListReader {
    public static final String KEY = "feed";

    private final NewMediaRules rules;

    public FeedReader(NewMediaRules rules) {
        this.rules = rules;
    }

    @Override
    public String key() {
        return KEY;
    }

    /** Whether {@code body} looks like a feed rather than an HTML page. */
    static boolean looksLikeFeed(String body) {
        String head = body.stripLeading();
        head = head.substring(0, Math.min(head.length(), 600));
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:RDF");
    }

    @Override
    public PostList read(String body, String baseUrl, LocalDate today) {
        if (!looksLikeFeed(body)) {
            return new PostList.Unreadable("不是 RSS 或 Atom 订阅源");
        }
        Document doc = Jsoup.parse(body, baseUrl, Parser.xmlParser());
        PostDates fallback = new PostDates(rules, today);
        List<Post> posts = new ArrayList<>();
        for (Element item : doc.select("item, entry")) {
            Optional<LocalDate> date = first(item, "pubDate", "dc|date", "published", "updated")
                    .flatMap(FeedReader::parse)
                    .or(() -> first(item, "pubDate", "dc|date", "published", "updated")
                            .flatMap(s -> fallback.find(s).stream().findFirst()));
            if (date.isEmpty() || date.get().isAfter(today.plusDays(rules.futureToleranceDays()))) {
                continue;
            }
            String link = first(item, "link").orElse("");
            Element atomLink = item.selectFirst("link[href]");
            if (link.isBlank() && atomLink != null) {
                link = atomLink.attr("href");
            }
            posts.add(new Post(first(item, "title").orElse(""), date.get(), link.strip()));
            if (posts.size() >= rules.maxPosts()) {
                break;
            }
        }
        return PostList.of(posts, "订阅源中没有带发布日期的条目");
    }

    private static Optional<String> first(Element item, String... tags) {
        for (String tag : tags) {
            Element e = item.selectFirst(tag);
            if (e != null && !e.text().isBlank()) {
                return Optional.of(e.text().strip());
            }
        }
        return Optional.empty();
    }

    static Optional<LocalDate> parse(String s) {
        try {
            return Optional.of(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .withZoneSameInstant(cn.xunjian.internal.ShanghaiTime.ZONE).toLocalDate());
        } catch (DateTimeParseException e) {
            // not RFC 822: try ISO-8601 (Atom)
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).atZoneSameInstant(cn.xunjian.internal.ShanghaiTime.ZONE)
                    .toLocalDate());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
