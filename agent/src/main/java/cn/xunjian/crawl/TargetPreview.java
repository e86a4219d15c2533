package cn.xunjian.crawl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a link to another site showed when the crawl checked it: the opening of the target page (its first bytes
 * only), enough to tell a friend link whose domain now serves gambling or porn from one that still serves what it
 * was linked for.
 *
 * @param title the page title
 * @param keywords its {@code <meta name="keywords">}
 * @param description its {@code <meta name="description">}
 * @param text the opening of its text (whitespace removed), at most {@link #MAX_TEXT} characters
 */
public record TargetPreview(String title, String keywords, String description, String text) {
    static final int MAX_TEXT = 300;
    private static final Pattern META = Pattern.compile("<meta\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTR = Pattern.compile(
            "\\b(name|content)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);

    /** The preview of the opening {@code html} of a page. */
    static TargetPreview of(String html) {
        LinkScanner.Scan scan = LinkScanner.scan(html, true);
        String keywords = "";
        String description = "";
        Matcher m = META.matcher(html);
        while (m.find() && (keywords.isEmpty() || description.isEmpty())) {
            String name = "";
            String content = "";
            Matcher a = ATTR.matcher(m.group());
            while (a.find()) {
                String value = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
                if (a.group(1).equalsIgnoreCase("name")) {
                    name = value;
                } else {
                    content = value;
                }
            }
            if (name.equalsIgnoreCase("keywords") && keywords.isEmpty()) {
                keywords = LinkScanner.normaliseWhitespace(content).strip();
            } else if (name.equalsIgnoreCase("description") && description.isEmpty()) {
                description = LinkScanner.normaliseWhitespace(content).strip();
            }
        }
        String text = scan.squeezedText() == null ? "" : scan.squeezedText();
        return new TargetPreview(LinkScanner.normaliseWhitespace(scan.title()).strip(), keywords, description,
                text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
    }
}
