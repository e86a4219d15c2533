package cn.xunjian.darklink;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page's served HTML holds after its closing {@code </body>} or {@code </html>}: where injected links are
 * appended so that the page's editors, who look at the template, never see them. A browser moves such content into
 * the body, so the rendered page cannot tell it apart; only the source can.
 *
 * @param line the source line the tail starts on (1-based), 0 when there is no tail
 * @param html the tail's markup as served, at most {@link #MAX_HTML} characters
 * @param links the links in the tail, with absolute targets
 */
record SourceTail(int line, String html, List<Link> links) {
    static final SourceTail NONE = new SourceTail(0, "", List.of());
    static final int MAX_HTML = 20_000;

    /** Comments and the contents of raw-text elements, where a closing tag is only text. */
    private static final Pattern OPAQUE = Pattern.compile(
            "<!--.*?(?:-->|$)|<(script|style|textarea|xmp)\\b[^>]*>.*?(?:</\\1\\s*>|$)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CLOSE = Pattern.compile("</\\s*(body|html)\\s*>", Pattern.CASE_INSENSITIVE);

    /** A link of the tail as written. */
    record Link(String href, String text, String title) {
    }

    SourceTail {
        links = List.copyOf(links);
    }

    /**
     * The tail of {@code source}: everything after the last {@code </body>} (or, without one, the last
     * {@code </html>}), comments and scripts not counted.
     */
    static SourceTail of(String source, String baseUrl) {
        if (source == null || source.isEmpty()) {
            return NONE;
        }
        StringBuilder masked = new StringBuilder(source);
        Matcher m = OPAQUE.matcher(source);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                masked.setCharAt(i, ' ');
            }
        }
        int lastBody = -1;
        int lastHtml = -1;
        Matcher c = CLOSE.matcher(masked);
        while (c.find()) {
            if (c.group(1).equalsIgnoreCase("body")) {
                lastBody = c.end();
            } else {
                lastHtml = c.end();
            }
        }
        int cut = lastBody >= 0 && (lastHtml < 0 || lastBody <= lastHtml) ? lastBody : lastHtml;
        if (cut < 0 || CLOSE.matcher(masked.substring(cut)).replaceAll("").isBlank()) {
            return NONE;
        }
        String tail = source.substring(cut);
        Document doc = Jsoup.parseBodyFragment(tail, baseUrl);
        List<Link> links = new ArrayList<>();
        for (Element a : doc.select("a[href]")) {
            links.add(new Link(a.absUrl("href").isEmpty() ? a.attr("href") : a.absUrl("href"), a.text(),
                    a.attr("title")));
        }
        int line = 1;
        for (int i = 0; i < cut; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return new SourceTail(line, tail.length() > MAX_HTML ? tail.substring(0, MAX_HTML) : tail, links);
    }

    boolean contains(String href) {
        return links.stream().anyMatch(l -> l.href().equals(href));
    }
}
