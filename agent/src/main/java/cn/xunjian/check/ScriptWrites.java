package cn.xunjian.check;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The HTML that a page's inline scripts write with {@code document.write} or {@code document.writeln}, as far as it
 * is spelled out in string literals: the standard embeds are written so ({@code unescape("%3Cspan id='_ideConac'
 * %3E…")}) and so are many footers. The browser has applied them to the rendered DOM already; reading them again
 * covers a page whose scripts did not run. Commented-out code is skipped.
 *
 * <p>Why a small scanner and not a JavaScript parser: only string literals and comments need telling apart, and a
 * full engine is a large dependency for that.
 */
final class ScriptWrites {
    private static final String[] CALLS = {"document.writeln", "document.write"};

    /** HTML written by one script element. */
    record Written(Element script, String html) {
    }

    private ScriptWrites() {
    }

    static List<Written> of(Document doc) {
        List<Written> out = new ArrayList<>();
        for (Element script : doc.select("script:not([src])")) {
            String code = withoutComments(script.data());
            for (String html : written(code)) {
                if (!html.isBlank()) {
                    out.add(new Written(script, html));
                }
            }
        }
        return out;
    }

    /** The literal text of every {@code document.write(…)} call in {@code code}, unescaped when it says so. */
    static List<String> written(String code) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = nextCall(code, from);
            if (at < 0) {
                return out;
            }
            int open = code.indexOf('(', at);
            if (open < 0) {
                return out;
            }
            StringBuilder literal = new StringBuilder();
            int end = argument(code, open, literal);
            boolean unescape = code.substring(open, end).contains("unescape");
            out.add(unescape ? unescape(literal.toString()) : literal.toString());
            from = end;
        }
    }

    private static int nextCall(String code, int from) {
        int best = -1;
        for (String call : CALLS) {
            int i = code.indexOf(call, from);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    /** Collects the string literals of the call whose {@code (} is at {@code open}; returns the index after it. */
    private static int argument(String code, int open, StringBuilder literal) {
        int depth = 0;
        int i = open;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = literal(code, i, literal);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            } else if (c == ';' && depth <= 1) {
                return i + 1;
            }
            i++;
        }
        return code.length();
    }

    /** Appends the value of the literal whose quote is at {@code start}; returns the index after its end. */
    private static int literal(String code, int start, StringBuilder out) {
        char quote = code.charAt(start);
        int i = start + 1;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == quote) {
                return i + 1;
            }
            if (c == '\n' && quote != '`') {
                return i; // an unterminated literal ends with its line, as the engine would reject it there
            }
            if (c == '\\' && i + 1 < code.length()) {
                char n = code.charAt(i + 1);
                i += 2;
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case '\n' -> { } // a line continuation
                    case '\r' -> i += i < code.length() && code.charAt(i) == '\n' ? 1 : 0;
                    case 'u' -> i = hex(code, i, 4, out, "\\u");
                    case 'x' -> i = hex(code, i, 2, out, "\\x");
                    default -> out.append(n);
                }
                continue;
            }
            out.append(c);
            i++;
        }
        return i;
    }

    private static int hex(String code, int at, int digits, StringBuilder out, String escape) {
        if (at + digits <= code.length()) {
            try {
                out.append((char) Integer.parseInt(code.substring(at, at + digits), 16));
                return at + digits;
            } catch (NumberFormatException e) {
                // not an escape after all; keep it as written
            }
        }
        out.append(escape);
        return at;
    }

    /** What JavaScript's {@code unescape} makes of {@code s}: {@code %XX} and {@code %uXXXX} decoded. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%') {
                int digits = i + 1 < s.length() && s.charAt(i + 1) == 'u' ? 4 : 2;
                int from = digits == 4 ? i + 2 : i + 1;
                if (from + digits <= s.length()) {
                    try {
                        out.append((char) Integer.parseInt(s.substring(from, from + digits), 16));
                        i = from + digits;
                        continue;
                    } catch (NumberFormatException e) {
                        // a plain percent sign
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /**
     * The code with its comments blanked: {@code //…}, {@code /*…*}{@code /}, and the HTML-like {@code <!--} and
     * line-opening {@code -->} that JavaScript reads as line comments. String literals are left alone.
     */
    static String withoutComments(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        boolean lineStart = true;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = skipLiteral(code, i);
                out.append(code, i, end);
                i = end;
                lineStart = false;
                continue;
            }
            if (code.startsWith("//", i) || code.startsWith("<!--", i) || lineStart && code.startsWith("-->", i)) {
                int eol = code.indexOf('\n', i);
                i = eol < 0 ? code.length() : eol;
                continue;
            }
            if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? code.length() : end + 2;
                out.append(' ');
                continue;
            }
            out.append(c);
            if (c == '\n') {
                lineStart = true;
            } else if (!Character.isWhitespace(c)) {
                lineStart = false;
            }
            i++;
        }
        return out.toString();
    }

    private static int skipLiteral(String code, int start) {
        char quote = code.charAt(start);
        int i = start + 1;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote || c == '\n' && quote != '`') {
                return i + 1;
            }
            i++;
        }
        return code.length();
    }
}
