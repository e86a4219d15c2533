package cn.xunjian.crawl;

import java.util.ArrayList;
import java.util.List;

/**
 * The URLs a stylesheet makes the browser load: every {@code url(…)} (images, fonts, cursors) and the target of an
 * {@code @import}, read as the CSS Syntax standard tokenises them — comments and strings are skipped, {@code url(}
 * is a function name only where an identifier may start, its argument is a quoted string or an unquoted run up to
 * {@code )}, and backslash escapes are decoded. The scan is one pass over the text and never fails: what does not
 * parse is passed over, as a browser drops a bad declaration.
 */
final class StylesheetUrls {
    /** One URL as written in the stylesheet; {@code imported} for the target of an {@code @import}. */
    record Ref(String url, boolean imported) {
    }

    private final String css;
    private final int n;
    private int i;
    private final List<Ref> refs = new ArrayList<>();

    private StylesheetUrls(String css) {
        this.css = css;
        this.n = css.length();
    }

    /** The URLs of a stylesheet's text, in order, as written (not resolved, not de-duplicated). */
    static List<Ref> of(String css) {
        StylesheetUrls s = new StylesheetUrls(css);
        s.scan();
        return s.refs;
    }

    private void scan() {
        boolean afterImport = false;
        while (i < n) {
            char c = css.charAt(i);
            if (c == '/' && i + 1 < n && css.charAt(i + 1) == '*') {
                int end = css.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '"' || c == '\'') {
                String s = string(c);
                if (afterImport && s != null) {
                    refs.add(new Ref(s, true));
                }
                afterImport = false;
            } else if (c == '\\') {
                i += 2; // an escaped character is part of an identifier, never a delimiter
            } else if (c == '@' && regionIs(i + 1, "import") && !identChar(i + 7)) {
                i += 7;
                afterImport = true;
                continue;
            } else if ((c == 'u' || c == 'U') && regionIs(i, "url(") && !identChar(i - 1)) {
                i += 4;
                String u = urlArgument();
                if (u != null) {
                    refs.add(new Ref(u, afterImport));
                }
                afterImport = false;
            } else {
                if (!isSpace(c)) {
                    afterImport = false;
                }
                i++;
            }
        }
    }

    /** A string token starting at the quote at {@code i}; null when a newline ends it (a bad string). */
    private String string(char quote) {
        StringBuilder sb = new StringBuilder();
        i++;
        while (i < n) {
            char c = css.charAt(i);
            if (c == quote) {
                i++;
                return sb.toString();
            }
            if (c == '\n' || c == '\r' || c == '\f') {
                return null;
            }
            if (c == '\\') {
                if (i + 1 < n && (css.charAt(i + 1) == '\n' || css.charAt(i + 1) == '\f')) {
                    i += 2; // an escaped newline continues the string
                    continue;
                }
                i++;
                sb.appendCodePoint(escape());
                continue;
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    /** After {@code url(}: a quoted string then {@code )}, or an unquoted URL up to {@code )}; null if bad. */
    private String urlArgument() {
        while (i < n && isSpace(css.charAt(i))) {
            i++;
        }
        if (i < n && (css.charAt(i) == '"' || css.charAt(i) == '\'')) {
            String s = string(css.charAt(i));
            while (i < n && isSpace(css.charAt(i))) {
                i++;
            }
            if (s == null || i >= n || css.charAt(i) != ')') {
                skipBadUrl();
                return null;
            }
            i++;
            return s;
        }
        StringBuilder sb = new StringBuilder();
        while (i < n) {
            char c = css.charAt(i);
            if (c == ')') {
                i++;
                return sb.toString();
            }
            if (isSpace(c)) {
                while (i < n && isSpace(css.charAt(i))) {
                    i++;
                }
                if (i < n && css.charAt(i) == ')') {
                    i++;
                    return sb.toString();
                }
                skipBadUrl();
                return null;
            }
            if (c == '"' || c == '\'' || c == '(') {
                skipBadUrl();
                return null;
            }
            if (c == '\\') {
                i++;
                sb.appendCodePoint(escape());
                continue;
            }
            sb.append(c);
            i++;
        }
        return sb.toString(); // end of file inside url( is a parse error, but the URL stands
    }

    private void skipBadUrl() {
        while (i < n && css.charAt(i) != ')') {
            i++;
        }
        i = Math.min(n, i + 1);
    }

    /** The code point of an escape whose backslash is just before {@code i}. */
    private int escape() {
        if (i >= n) {
            return 0xFFFD;
        }
        int start = i;
        while (i < n && i - start < 6 && Character.digit(css.charAt(i), 16) >= 0) {
            i++;
        }
        if (i > start) {
            int cp = Integer.parseInt(css, start, i, 16);
            if (i < n && isSpace(css.charAt(i))) {
                i++; // one whitespace after a hex escape belongs to it
            }
            return cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? 0xFFFD : cp;
        }
        int cp = css.codePointAt(i);
        i += Character.charCount(cp);
        return cp;
    }

    private boolean regionIs(int at, String word) {
        return at + word.length() <= n && css.regionMatches(true, at, word, 0, word.length());
    }

    private boolean identChar(int at) {
        if (at < 0 || at >= n) {
            return false;
        }
        char c = css.charAt(at);
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c >= 0x80;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
