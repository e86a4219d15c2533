package cn.xunjian.crawl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * A single-pass scanner that finds what {@link LinkExtractor} needs in an HTML page without building a DOM: the
 * {@code href}/{@code src} of {@code a[href], area[href], img[src], iframe[src], frame[src], embed[src]} in
 * document order with the label a reader would see, the first {@code <base href>}, the title, and (on request)
 * the page's text for the soft-404 test.
 *
 * <p>It follows the HTML tokenizer where that decides which links exist: comments, bogus comments and doctype
 * are skipped; {@code script} and {@code style} bodies are raw text; {@code title} and {@code textarea} are
 * text with character references; a tag cut off by the end of the page is dropped; the first of duplicate
 * attributes wins; character references are decoded as jsoup decodes them (in attribute values {@code &copy=}
 * stays as written). It does not run the tree builder, so in markup that the builder rearranges (misnested
 * {@code <a>} around blocks, foster-parented table text) labels can differ from jsoup's; the links do not.
 *
 * <p>The text, collected on request, is everything outside tags except {@code script} and {@code style} bodies,
 * without whitespace and in lower case: a superset of jsoup's {@code Document.text()} squeezed, which is what
 * the soft-404 pre-test needs.
 */
final class LinkScanner {
    /** One link as written: its tag, the attribute value (entities decoded, not trimmed) and its label. */
    static final class Raw {
        final String tag;
        final String value;
        String label;

        Raw(String tag, String value) {
            this.tag = tag;
            this.value = value;
        }

        String tag() {
            return tag;
        }

        String value() {
            return value;
        }

        String label() {
            return label;
        }
    }

    /**
     * What one scan found. {@code squeezedText} (no whitespace, lower case) is null unless asked for;
     * {@code baseHref} is null without a base tag.
     */
    record Scan(List<Raw> links, String baseHref, String title, String squeezedText, Set<String> anchors) {
    }

    private static final int MAX_LABEL = 40;
    /** Elements whose start or end puts a space between words of a link's text, as jsoup's text() does. */
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "br", "dd", "div",
            "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th",
            "thead", "tr", "ul", "body", "html", "caption", "center", "hgroup", "menu", "details", "summary");
    /** End tags after which the HTML tree builder no longer puts text into an open {@code <a>}. */
    private static final Set<String> CLOSES_LINK = Set.of("li", "td", "th", "tr", "table", "ul", "ol", "dl", "dd",
            "dt", "div", "p", "body", "html", "section", "article", "nav", "header", "footer", "form", "h1", "h2",
            "h3", "h4", "h5", "h6");

    private final char[] a;
    private final int n;
    private final boolean wantText;
    private final StringBuilder text;
    private final List<Raw> links = new ArrayList<>();
    /** The ids of elements and the names of {@code <a>}: what a fragment may point to. */
    private final Set<String> anchors = new HashSet<>();
    private String baseHref;
    private String title;
    private int i;

    /** The open {@code <a>} whose label is being collected, or null. */
    private Raw openLink;
    private StringBuilder openLabel;
    private String openAltOrTitle;
    private String openImgAlt;
    /**
     * Start tags of {@link #CLOSES_LINK} elements seen since the open {@code <a>}: their own end tags close them,
     * not the link ({@code <a><div class="icon"></div><span>首页</span></a>}, as TRS templates write menus).
     */
    private final Map<String, Integer> openedInLink = new HashMap<>();
    /**
     * Inside a {@code <select>}, where the HTML tree builder jsoup follows drops every start tag but a few: the
     * friend-link drop-downs of county sites wrap each option's text in an {@code <a>} that never becomes a link.
     */
    private boolean inSelect;

    private LinkScanner(String html, boolean wantText) {
        this.a = html.toCharArray();
        this.n = a.length;
        this.wantText = wantText;
        this.text = wantText ? new StringBuilder(Math.min(n, 1 << 16)) : null;
    }

    /** Scans a page; {@code wantText} also collects its text. */
    static Scan scan(String html, boolean wantText) {
        LinkScanner s = new LinkScanner(html, wantText);
        s.run();
        return new Scan(s.links, s.baseHref, s.title == null ? "" : s.title,
                wantText ? s.text.toString() : null, s.anchors);
    }

    private void run() {
        int textStart = 0;
        while (i < n) {
            char c = a[i];
            if (c != '<' && c != '&') {
                i++;
                continue;
            }
            flushText(textStart, i);
            if (c == '&') {
                i++;
                String decoded = reference(false);
                if (decoded == null) {
                    appendText("&");
                } else {
                    appendText(decoded);
                }
                textStart = i;
                continue;
            }
            if (i + 1 >= n) {
                i++;
                appendText("<");
                textStart = i;
                continue;
            }
            char c1 = a[i + 1];
            if (isAsciiLetter(c1)) {
                if (!startTag()) {
                    textStart = n; // a tag cut off by the end of the page is dropped
                    break;
                }
            } else if (c1 == '/' && i + 2 < n && isAsciiLetter(a[i + 2])) {
                if (!endTag()) {
                    textStart = n;
                    break;
                }
            } else if (c1 == '/' && i + 2 < n && a[i + 2] == '>') {
                i += 3; // "</>" is dropped
            } else if (c1 == '/' && i + 2 < n) {
                skipPast('>', i + 2); // "</ x>" is a bogus comment
            } else if (c1 == '!') {
                comment();
            } else if (c1 == '?') {
                skipPast('>', i + 2);
            } else {
                i++;
                appendText("<");
            }
            textStart = i;
        }
        flushText(textStart, n);
        closeLink();
    }

    private void flushText(int from, int to) {
        if (to <= from) {
            return;
        }
        if (wantText) {
            appendSqueezed(a, from, to);
        }
        if (openLabel != null) {
            openLabel.append(a, from, to - from);
        }
    }

    private void appendText(String s) {
        if (wantText) {
            char[] c = s.toCharArray();
            appendSqueezed(c, 0, c.length);
        }
        if (openLabel != null) {
            openLabel.append(s);
        }
    }

    /** Appends text without whitespace and in lower case: the form the soft-404 pre-test compares. */
    private void appendSqueezed(char[] src, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = src[k];
            if (c < 0x80) {
                if (c > ' ') {
                    text.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                } else if (!Character.isWhitespace(c)) {
                    text.append(c);
                }
            } else if (!Character.isWhitespace(c) && c != '\u00a0' && c != '\u3000') {
                text.append(Character.toLowerCase(c));
            }
        }
    }

    private void comment() {
        if (i + 3 < n && a[i + 2] == '-' && a[i + 3] == '-') {
            int from = i + 4;
            if (from < n && a[from] == '>') {
                i = from + 1; // "<!-->"
                return;
            }
            if (from + 1 < n && a[from] == '-' && a[from + 1] == '>') {
                i = from + 2; // "<!--->"
                return;
            }
            for (int k = from; k + 2 < n; k++) {
                if (a[k] == '-' && a[k + 1] == '-' && (a[k + 2] == '>'
                        || (a[k + 2] == '!' && k + 3 < n && a[k + 3] == '>'))) {
                    i = a[k + 2] == '>' ? k + 3 : k + 4;
                    return;
                }
            }
            i = n;
            return;
        }
        skipPast('>', i + 2); // doctype, CDATA and other bogus comments
    }

    private void skipPast(char end, int from) {
        for (int k = from; k < n; k++) {
            if (a[k] == end) {
                i = k + 1;
                return;
            }
        }
        i = n;
    }

    /** Parses a start tag at {@code i}; false when the page ends inside it. */
    private boolean startTag() {
        int k = i + 1;
        int nameStart = k;
        while (k < n && !isTagNameEnd(a[k])) {
            k++;
        }
        String name = lowerName(nameStart, k);
        String[] v = new String[ATTRS]; // first of duplicate attributes wins
        // attributes
        while (true) {
            while (k < n && (isSpace(a[k]) || a[k] == '/')) {
                k++;
            }
            if (k >= n) {
                i = n;
                return false;
            }
            if (a[k] == '>') {
                k++;
                break;
            }
            int an = k;
            k++; // the first character may be '='
            while (k < n && !isSpace(a[k]) && a[k] != '/' && a[k] != '>' && a[k] != '=') {
                k++;
            }
            int ae = k;
            while (k < n && isSpace(a[k])) {
                k++;
            }
            String value = "";
            if (k < n && a[k] == '=') {
                k++;
                while (k < n && isSpace(a[k])) {
                    k++;
                }
                if (k >= n) {
                    i = n;
                    return false;
                }
                char q = a[k];
                int vs;
                int ve;
                if (q == '"' || q == '\'') {
                    vs = k + 1;
                    ve = vs;
                    while (ve < n && a[ve] != q) {
                        ve++;
                    }
                    if (ve >= n) {
                        i = n;
                        return false;
                    }
                    k = ve + 1;
                } else {
                    vs = k;
                    ve = k;
                    while (ve < n && !isSpace(a[ve]) && a[ve] != '>') {
                        ve++;
                    }
                    k = ve;
                }
                if (attrId(an, ae) != 0) {
                    value = attrValue(vs, ve);
                }
            }
            int id = attrId(an, ae);
            if (id != 0 && v[id] == null) {
                v[id] = value;
            }
        }
        i = k;
        if (inSelect && ignoredInSelect(name)) {
            return true;
        }
        String href = v[HREF];
        String src = v[SRC];
        String alt = v[ALT];
        String titleAttr = v[TITLE];
        boolean hasHref = href != null;
        boolean hasSrc = src != null;
        boolean hasAlt = alt != null;
        boolean hasTitle = titleAttr != null;
        if (v[ID] != null && !v[ID].isEmpty()) {
            anchors.add(v[ID]);
        }
        if (name.equals("a") && v[NAME] != null && !v[NAME].isEmpty()) {
            anchors.add(v[NAME]);
        }
        switch (name) {
            case "select" -> inSelect = true;
            case "a" -> {
                closeLink();
                if (hasHref) {
                    Raw r = add(name, href);
                    openLink = r;
                    openLabel = new StringBuilder();
                    String at = hasAlt && !alt.isBlank() ? alt : hasTitle ? titleAttr : null;
                    openAltOrTitle = at == null ? null : at;
                    openImgAlt = null;
                    openedInLink.clear();
                }
            }
            case "area", "img", "iframe", "frame", "embed" -> {
                boolean matched = name.equals("area") ? hasHref : hasSrc;
                if (name.equals("img") && hasAlt && openLink != null && openImgAlt == null) {
                    openImgAlt = alt;
                }
                Raw r = matched ? add(name, hasHref ? href : src) : null;
                if (name.equals("iframe")) {
                    String content = rawText("iframe", false);
                    if (wantText) {
                        char[] c = content.toCharArray();
                        appendSqueezed(c, 0, c.length);
                    }
                    if (r != null) {
                        r.label = label(content, alt, hasAlt, titleAttr, hasTitle, null, name);
                    }
                } else if (r != null) {
                    r.label = label("", alt, hasAlt, titleAttr, hasTitle, null, name);
                }
                if (name.equals("img") && v[SRCSET] != null) {
                    String l = label("", alt, hasAlt, titleAttr, hasTitle, null, name);
                    for (String candidate : Sources.srcset(v[SRCSET])) {
                        add("img", candidate).label = l;
                    }
                }
            }
            case "source" -> {
                String l = label("", null, false, titleAttr, hasTitle, null, name);
                if (v[SRCSET] != null) {
                    for (String candidate : Sources.srcset(v[SRCSET])) {
                        add("img", candidate).label = l;
                    }
                }
                if (hasSrc) {
                    add("source", src).label = l;
                }
            }
            case "link" -> {
                String role = Sources.linkRole(v[REL]);
                if (role != null && hasHref) {
                    add(role, href).label = label("", null, false, titleAttr, hasTitle, null, name);
                }
            }
            case "meta" -> {
                if (v[HTTP_EQUIV] != null && v[HTTP_EQUIV].strip().equalsIgnoreCase("refresh") && v[CONTENT] != null) {
                    String target = Sources.refreshUrl(v[CONTENT]);
                    if (target != null) {
                        add("refresh", target).label = "<meta refresh>";
                    }
                }
            }
            case "script" -> {
                if (hasSrc) {
                    add("script", src).label = label("", null, false, titleAttr, hasTitle, null, name);
                }
                rawText(name, false);
            }
            case "base" -> {
                if (hasHref && baseHref == null) {
                    baseHref = href;
                }
            }
            case "style" -> rawText(name, false);
            case "xmp", "noembed", "noframes" -> appendText(rawText(name, false));
            case "title", "textarea" -> {
                String content = rawText(name, true);
                if (name.equals("title") && title == null) {
                    title = normaliseWhitespace(content).strip();
                }
                appendText(content);
            }
            case "plaintext" -> {
                appendText(new String(a, i, n - i));
                i = n;
            }
            default -> {
                if (openLabel != null && BLOCKS.contains(name)) {
                    openLabel.append(' ');
                }
                if (openLabel != null && CLOSES_LINK.contains(name)) {
                    openedInLink.merge(name, 1, Integer::sum);
                }
            }
        }
        return true;
    }

    private Raw add(String tag, String value) {
        Raw r = new Raw(tag, value);
        links.add(r);
        return r;
    }

    /** Parses an end tag at {@code i}; false when the page ends inside it. */
    private boolean endTag() {
        int k = i + 2;
        int nameStart = k;
        while (k < n && !isTagNameEnd(a[k])) {
            k++;
        }
        String name = lowerName(nameStart, k);
        int close = k;
        while (close < n && a[close] != '>') {
            if (a[close] == '"' || a[close] == '\'') {
                // quoted attribute values in an end tag may hold '>'
                char q = a[close];
                close++;
                while (close < n && a[close] != q) {
                    close++;
                }
                if (close >= n) {
                    i = n;
                    return false;
                }
            }
            close++;
        }
        if (close >= n) {
            i = n;
            return false;
        }
        i = close + 1;
        if (name.equals("select")) {
            inSelect = false;
        }
        if (openLabel != null) {
            if (openedInLink.getOrDefault(name, 0) > 0) {
                openedInLink.merge(name, -1, Integer::sum);
                if (BLOCKS.contains(name)) {
                    openLabel.append(' ');
                }
            } else if (name.equals("a") || CLOSES_LINK.contains(name)) {
                closeLink();
            } else if (BLOCKS.contains(name)) {
                openLabel.append(' ');
            }
        }
        return true;
    }

    /**
     * Whether a start tag inside a select is dropped, as the "in select" insertion mode does; a nested select ends
     * the open one, and input, keygen and textarea end it and are then handled as usual.
     */
    private boolean ignoredInSelect(String name) {
        switch (name) {
            case "option", "optgroup", "script", "template", "hr" -> {
                return false;
            }
            case "select" -> {
                inSelect = false;
                return true;
            }
            case "input", "keygen", "textarea" -> {
                inSelect = false;
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    private void closeLink() {
        if (openLink == null) {
            return;
        }
        openLink.label = label(openLabel.toString(), openAltOrTitle, openAltOrTitle != null, null, false,
                openImgAlt, "a");
        openLink = null;
        openLabel = null;
        openAltOrTitle = null;
        openImgAlt = null;
        openedInLink.clear();
    }

    /**
     * The content of a raw-text or RCDATA element up to its end tag (case-insensitive), leaving {@code i} after
     * that end tag; with {@code references} true, character references are decoded.
     */
    private String rawText(String name, boolean references) {
        int from = i;
        int end = n;
        int after = n;
        for (int k = from; k + 1 < n; k++) {
            if (a[k] == '<' && a[k + 1] == '/' && k + 2 + name.length() <= n && matchesIgnoreCase(k + 2, name)) {
                int e = k + 2 + name.length();
                if (e == n || isSpace(a[e]) || a[e] == '/' || a[e] == '>') {
                    end = k;
                    int gt = e;
                    while (gt < n && a[gt] != '>') {
                        gt++;
                    }
                    after = Math.min(n, gt + 1);
                    break;
                }
            }
        }
        if (end == n && references) {
            // as jsoup: RCDATA without its end tag stops at the first start tag instead of running to the end
            for (int k = from; k + 1 < n; k++) {
                if (a[k] == '<' && isAsciiLetter(a[k + 1])) {
                    end = k;
                    after = k;
                    break;
                }
            }
        }
        i = after;
        if (!references) {
            return new String(a, from, end - from);
        }
        return decode(from, end, false);
    }

    private boolean matchesIgnoreCase(int at, String lowerName) {
        for (int j = 0; j < lowerName.length(); j++) {
            char c = a[at + j];
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if (c != lowerName.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static final int HREF = 1;
    private static final int SRC = 2;
    private static final int ALT = 3;
    private static final int TITLE = 4;
    private static final int SRCSET = 5;
    private static final int REL = 6;
    private static final int HTTP_EQUIV = 7;
    private static final int CONTENT = 8;
    private static final int ID = 9;
    private static final int NAME = 10;
    private static final int ATTRS = 11;

    /** The attributes the scanner reads ({@link #HREF} …), 0 for any other (names compared case-insensitively). */
    private int attrId(int from, int to) {
        switch (to - from) {
            case 2:
                return matchesIgnoreCase(from, "id") ? ID : 0;
            case 3:
                return matchesIgnoreCase(from, "src") ? SRC : matchesIgnoreCase(from, "alt") ? ALT
                        : matchesIgnoreCase(from, "rel") ? REL : 0;
            case 4:
                return matchesIgnoreCase(from, "href") ? HREF : matchesIgnoreCase(from, "name") ? NAME : 0;
            case 5:
                return matchesIgnoreCase(from, "title") ? TITLE : 0;
            case 6:
                return matchesIgnoreCase(from, "srcset") ? SRCSET : 0;
            case 7:
                return matchesIgnoreCase(from, "content") ? CONTENT : 0;
            case 10:
                return matchesIgnoreCase(from, "http-equiv") ? HTTP_EQUIV : 0;
            default:
                return 0;
        }
    }

    private String attrValue(int from, int to) {
        for (int k = from; k < to; k++) {
            if (a[k] == '&') {
                return decode(from, to, true);
            }
        }
        return new String(a, from, to - from);
    }

    /** Decodes character references in {@code a[from, to)} as jsoup does (attribute or text rules). */
    private String decode(int from, int to, boolean inAttribute) {
        StringBuilder sb = new StringBuilder(to - from);
        int save = i;
        int k = from;
        while (k < to) {
            char c = a[k];
            if (c != '&') {
                sb.append(c);
                k++;
                continue;
            }
            i = k + 1;
            String r = reference(inAttribute, to);
            if (r == null) {
                sb.append('&');
                k++;
            } else {
                sb.append(r);
                k = i;
            }
        }
        i = save;
        return sb.toString();
    }

    private String reference(boolean inAttribute) {
        return reference(inAttribute, n);
    }

    /**
     * Reads a character reference whose '&' is just before {@code i}; on success moves {@code i} past it and
     * returns the characters, else leaves {@code i} and returns null.
     */
    private String reference(boolean inAttribute, int limit) {
        int k = i;
        if (k >= limit) {
            return null;
        }
        char c = a[k];
        if (isSpace(c) || c == '<' || c == '&') {
            return null;
        }
        if (c == '#') {
            k++;
            boolean hex = k < limit && (a[k] == 'x' || a[k] == 'X');
            if (hex) {
                k++;
            }
            int ds = k;
            while (k < limit && (hex ? Character.digit(a[k], 16) >= 0 && a[k] < 128 : a[k] >= '0' && a[k] <= '9')) {
                k++;
            }
            if (k == ds) {
                return null;
            }
            int value;
            try {
                value = Integer.parseInt(new String(a, ds, k - ds), hex ? 16 : 10);
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (k < limit && a[k] == ';') {
                k++;
            }
            i = k;
            if (value == -1 || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) {
                return "\uFFFD";
            }
            return new String(Character.toChars(value));
        }
        int ns = k;
        while (k < limit && (isAsciiLetter(a[k]) || Character.isLetter(a[k]))) {
            k++;
        }
        while (k < limit && a[k] >= '0' && a[k] <= '9') {
            k++;
        }
        if (k == ns) {
            return null;
        }
        String name = new String(a, ns, k - ns);
        boolean semicolon = k < limit && a[k] == ';';
        boolean found = Entities.isBaseNamedEntity(name) || (Entities.isNamedEntity(name) && semicolon);
        if (!found) {
            if (inAttribute) {
                return null;
            }
            String prefix = Entities.findPrefix(name);
            if (prefix.isEmpty()) {
                return null;
            }
            name = prefix;
            k = ns + prefix.length();
            semicolon = k < limit && a[k] == ';';
        }
        if (inAttribute && k < limit && (isAsciiLetter(a[k]) || Character.isLetter(a[k]) || (a[k] >= '0' && a[k] <= '9') || a[k] == '='
                || a[k] == '-' || a[k] == '_')) {
            return null;
        }
        if (semicolon) {
            k++;
        }
        String value = Entities.getByName(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        i = k;
        return value;
    }

    private String lowerName(int from, int to) {
        char[] out = new char[to - from];
        for (int k = from; k < to; k++) {
            char c = a[k];
            out[k - from] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return new String(out);
    }

    /** The label as {@link LinkExtractor#label(org.jsoup.nodes.Element)} computes it from the DOM. */
    static String label(String content, String alt, boolean hasAlt, String titleAttr, boolean hasTitle,
                        String imgAlt, String tag) {
        String t = normaliseWhitespace(content).strip();
        if (t.isEmpty()) {
            String altOrTitle = hasAlt && !alt.isBlank() ? alt : hasTitle ? titleAttr : "";
            t = altOrTitle == null ? "" : altOrTitle.strip();
        }
        if (t.isEmpty()) {
            t = imgAlt == null ? "" : imgAlt.strip();
        }
        if (t.isEmpty()) {
            t = "<" + tag + ">";
        }
        return t.length() > MAX_LABEL ? t.substring(0, MAX_LABEL) + "…" : t;
    }

    /** Collapses runs of whitespace to one space and drops invisible characters, as jsoup's text() does. */
    static String normaliseWhitespace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean lastSpace = false;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (isTextWhitespace(c)) {
                if (!lastSpace) {
                    sb.append(' ');
                }
                lastSpace = true;
            } else if (!isInvisible(c)) {
                sb.append(c);
                lastSpace = false;
            }
        }
        return sb.toString();
    }

    /** HTML whitespace and the no-break space, which jsoup's text() also collapses. */
    private static boolean isTextWhitespace(char c) {
        return isSpace(c) || c == '\u00a0';
    }

    /** Zero-width space and soft hyphen, which jsoup's text() drops. */
    private static boolean isInvisible(char c) {
        return c == '\u200b' || c == '\u00ad';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isTagNameEnd(char c) {
        return isSpace(c) || c == '/' || c == '>';
    }
}
