package cn.xunjian.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds an article's publish date: a {@code <meta>} tag, a labelled date in the text, or the URL. */
final class PublishDate {
    private static final Pattern DATE = Pattern.compile("((?:19|20)\\d{2})\\s*[-/年.]\\s*(\\d{1,2})\\s*[-/月.]\\s*(\\d{1,2})");

    private final WordingRules.PublishDateHints hints;
    private final List<Pattern> urlPatterns;

    public PublishDate(WordingRules.PublishDateHints hints) {
        this.hints = hints;
        this.urlPatterns = hints.urlPatterns().stream().map(Pattern::compile).toList();
    }

    /** The publish date of the page, when it states one. */
    public Optional<LocalDate> of(String url, String html) {
        Document doc = Jsoup.parse(head(html));
        for (String name : hints.metaNames()) {
            for (Element meta : doc.select("meta[name=" + name + "], meta[property=" + name + "]")) {
                Optional<LocalDate> d = parse(meta.attr("content"));
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        String text = PageText.of(html);
        for (String label : hints.labels()) {
            for (int i = text.indexOf(label); i >= 0; i = text.indexOf(label, i + 1)) {
                int from = i + label.length();
                String after = text.substring(from, Math.min(text.length(), from + 24));
                Matcher m = DATE.matcher(after);
                if (m.find() && after.substring(0, m.start()).matches("[\\s:：]*")) {
                    Optional<LocalDate> d = date(m.group(1), m.group(2), m.group(3));
                    if (d.isPresent()) {
                        return d;
                    }
                }
            }
        }
        for (Pattern p : urlPatterns) {
            Matcher m = p.matcher(url == null ? "" : url);
            if (m.find()) {
                Optional<LocalDate> d = date(m.group(1), m.group(2), m.group(3));
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> parse(String s) {
        Matcher m = DATE.matcher(s);
        return m.find() ? date(m.group(1), m.group(2), m.group(3)) : Optional.empty();
    }

    private static Optional<LocalDate> date(String y, String mo, String d) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The page up to its {@code </head>}: the date metas (TRS's {@code PubDate}, {@code publishdate}…) stand there,
     * and parsing the whole page again for them doubled the wording check's cost; all of it when there is no head.
     */
    private static String head(String html) {
        int end = indexOfIgnoreCase(html, "</head");
        return end < 0 ? html : html.substring(0, end);
    }

    private static int indexOfIgnoreCase(String s, String needle) {
        for (int i = 0; i + needle.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
