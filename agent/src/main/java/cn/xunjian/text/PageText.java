package cn.xunjian.text;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text a citizen sees on a page, normalised for matching: scripts, styles, templates, hidden inputs and
 * elements hidden by the {@code hidden} attribute or an inline {@code display:none}/{@code visibility:hidden} are
 * dropped; block elements become line breaks so sentences of different blocks never run together; full-width
 * digits and letters become half-width, curly quotes become straight ones, zero-width characters go, and whitespace
 * between two CJK characters is removed (editors often type "扫黑 除恶").
 */
final class PageText {
    private static final String DROPPED = "script, style, noscript, template, iframe, object, svg, head, "
            + "input[type=hidden], [hidden], [aria-hidden=true]";

    private PageText() {
    }

    /**
     * The last page's text on this thread. The wording, privacy and date checks all read the text of the page the
     * crawl hands them, one after the other, so keeping one entry parses each page once instead of three times
     * (jsoup's parse is most of their cost). Keyed by identity: the same {@code String} is the same page.
     */
    private static final ThreadLocal<Last> LAST = new ThreadLocal<>();

    private record Last(String html, String text) {
    }

    /** The visible text of {@code html}, normalised, one line per block. */
    public static String of(String html) {
        Last last = LAST.get();
        if (last != null && last.html() == html) {
            return last.text();
        }
        String text = parse(html);
        LAST.set(new Last(html, text));
        return text;
    }

    private static String parse(String html) {
        Document doc = Jsoup.parse(html);
        doc.select(DROPPED).remove();
        for (Element el : doc.select("[style]")) {
            String style = el.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
            if (style.contains("display:none") || style.contains("visibility:hidden")) {
                el.remove();
            }
        }
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.getWholeText());
                } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br"))) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    out.append('\n');
                }
            }
        }, doc.body() == null ? doc : doc.body());
        return normalise(out.toString());
    }

    /**
     * Normalises a piece of text the way page text is normalised, so rule patterns and page text meet in the same
     * form; line breaks are kept, other whitespace runs become one space (none between CJK characters).
     */
    public static String normalise(String text) {
        String s = text;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (fullWidthAlphanumeric(c)) {
                c = (char) (c - 0xFEE0);
            }
            switch (c) {
                case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad' -> {
                    continue;
                }
                case '\u201c', '\u201d', '\u300c', '\u300d', '\u300e', '\u300f' -> c = '"';
                case '\u2018', '\u2019' -> c = '"';
                default -> {
                }
            }
            if (c == '\n' || c == '\r') {
                trimTrailingSpace(out);
                if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ' && out.charAt(out.length() - 1) != '\n') {
                    out.append(' ');
                }
            } else {
                if (out.length() >= 2 && out.charAt(out.length() - 1) == ' ' && isCjk(out.charAt(out.length() - 2))
                        && isCjk(c)) {
                    out.setLength(out.length() - 1);
                }
                out.append(c);
            }
        }
        trimTrailingSpace(out);
        return out.toString();
    }

    /** Full-width digits, letters, plus and minus; CJK punctuation stays as written, for quoting. */
    private static boolean fullWidthAlphanumeric(char c) {
        return c >= '\uff10' && c <= '\uff19' || c >= '\uff21' && c <= '\uff3a' || c >= '\uff41' && c <= '\uff5a'
                || c == '\uff0b' || c == '\uff0d';
    }

    private static void trimTrailingSpace(StringBuilder out) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }

    /** Han characters and CJK punctuation: spaces next to these carry no meaning in Chinese text. */
    static boolean isCjk(char c) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }

    /**
     * The sentence around {@code [start, end)}: from the previous sentence end to the next one, trimmed to about
     * {@code max} characters around the span.
     */
    public static String sentence(String text, int start, int end, int max) {
        int from = start;
        while (from > 0 && !isSentenceEnd(text.charAt(from - 1))) {
            from--;
        }
        int to = end;
        while (to < text.length() && !isSentenceEnd(text.charAt(to))) {
            to++;
        }
        if (to < text.length() && text.charAt(to) != '\n') {
            to++;
        }
        String prefix = "";
        String suffix = "";
        if (to - from > max) {
            int room = Math.max(0, max - (end - start));
            int left = Math.max(from, start - room / 2);
            int right = Math.min(to, end + (room - (start - left)));
            left = Math.max(from, Math.min(left, right - max));
            prefix = left > from ? "…" : "";
            suffix = right < to ? "…" : "";
            from = left;
            to = right;
        }
        return prefix + text.substring(from, to).strip() + suffix;
    }

    private static boolean isSentenceEnd(char c) {
        return c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';' || c == '\n';
    }
}
