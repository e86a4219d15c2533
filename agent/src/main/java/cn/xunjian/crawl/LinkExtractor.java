package cn.xunjian.crawl;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** The links, images and attachments of a parsed page, normalised, with the kind and text of each. */
final class LinkExtractor {
    /** jsoup selectors for the DOM path, compiled on first use: the crawl itself scans without a DOM. */
    private static final class Selectors {
        static final Evaluator LINKS = QueryParser.parse("a[href], area[href], img[src], img[srcset], iframe[src], "
                + "frame[src], embed[src], source[src], source[srcset], script[src], link[href], meta[http-equiv]");
        static final Evaluator BASE = QueryParser.parse("base[href]");
    }
    private static final int MAX_TEXT = 40;

    /**
     * A link as found on a page.
     *
     * @param fragment what follows '#' in the link as written, null when nothing does
     * @param invalid true when a browser finds no URL in it ({@code href="//////"}); {@code url} is then the link
     *                as written
     */
    record Found(String url, String text, LinkKind kind, String fragment, boolean invalid) {
        Found(String url, String text, LinkKind kind) {
            this(url, text, kind, null, false);
        }
    }

    private final UrlNormalizer normalizer;
    private final Set<String> attachmentExtensions;
    private final Set<String> imageExtensions;
    private final Set<String> fontExtensions;

    LinkExtractor(UrlNormalizer normalizer, CrawlRules rules) {
        this.normalizer = normalizer;
        this.attachmentExtensions = rules.attachmentExtensionSet();
        this.imageExtensions = rules.imageExtensionSet();
        this.fontExtensions = rules.fontExtensionSet();
    }

    /**
     * What a stylesheet fetched from {@code cssUrl} (normalised) makes the browser load, resolved against that
     * URL: {@code @import} targets as stylesheets, fonts as resources, every other {@code url()} as an image.
     * {@code data:} URLs and fragment-only references ({@code url(#clip)}, an SVG element of the document) are no
     * requests and are skipped; a URL a browser cannot parse is reported invalid, as on pages. The text of each is
     * the reference as written ({@code url(../img/bg.png)}).
     */
    List<Found> stylesheetLinks(String css, String cssUrl) {
        UrlNormalizer.Base base = UrlNormalizer.base(cssUrl);
        List<Found> found = new ArrayList<>();
        for (StylesheetUrls.Ref ref : StylesheetUrls.of(css)) {
            String raw = ref.url().strip();
            if (raw.isEmpty() || raw.charAt(0) == '#' || ignoredScheme(raw)) {
                continue;
            }
            String text = ref.imported() ? "@import " + raw : "url(" + raw + ")";
            text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
            Optional<String> url = normalizer.resolve(base, raw);
            if (url.isPresent()) {
                found.add(new Found(url.get(), text, stylesheetKind(ref, url.get())));
            } else if (!WebUrl.otherScheme(raw)) {
                found.add(new Found(raw, text, stylesheetKind(ref, raw), null, true));
            }
        }
        return found;
    }

    private LinkKind stylesheetKind(StylesheetUrls.Ref ref, String url) {
        if (ref.imported()) {
            return LinkKind.STYLESHEET;
        }
        return fontExtensions.contains(extension(url)) ? LinkKind.RESOURCE : LinkKind.IMAGE;
    }

    /** The links of a page parsed with {@code pageUrl} (normalised) as its address. */
    List<Found> links(Document doc, String pageUrl) {
        URI base = URI.create(pageUrl);
        Element baseTag = doc.selectFirst(Selectors.BASE);
        if (baseTag != null) {
            Optional<String> declared = normalizer.resolve(base, baseTag.attr("href"));
            if (declared.isPresent()) {
                base = URI.create(declared.get());
            }
        }
        Elements elements = doc.select(Selectors.LINKS);
        List<Found> found = new ArrayList<>(elements.size());
        for (Element el : elements) {
            String tag = el.normalName();
            String label = label(el);
            switch (tag) {
                case "a", "area" -> add(found, base, tag, el.attr("href"), label);
                case "img" -> {
                    if (el.hasAttr("src")) {
                        add(found, base, tag, el.attr("src"), label);
                    }
                    if (el.hasAttr("srcset")) {
                        for (String c : Sources.srcset(el.attr("srcset"))) {
                            add(found, base, "img", c, label);
                        }
                    }
                }
                case "source" -> {
                    if (el.hasAttr("srcset")) {
                        for (String c : Sources.srcset(el.attr("srcset"))) {
                            add(found, base, "img", c, label);
                        }
                    }
                    if (el.hasAttr("src")) {
                        add(found, base, "source", el.attr("src"), label);
                    }
                }
                case "link" -> {
                    String role = Sources.linkRole(el.hasAttr("rel") ? el.attr("rel") : null);
                    if (role != null) {
                        add(found, base, role, el.attr("href"), label);
                    }
                }
                case "meta" -> {
                    if (el.attr("http-equiv").strip().equalsIgnoreCase("refresh") && el.hasAttr("content")) {
                        String target = Sources.refreshUrl(el.attr("content"));
                        if (target != null) {
                            add(found, base, "refresh", target, "<meta refresh>");
                        }
                    }
                }
                default -> add(found, base, tag, el.hasAttr("href") ? el.attr("href") : el.attr("src"), label);
            }
        }
        return found;
    }

    private void add(List<Found> found, URI base, String role, String value, String label) {
        String raw = value.strip();
        if (raw.isEmpty() || ignoredScheme(raw)) {
            return;
        }
        String fragment = fragment(raw);
        if (raw.charAt(0) == '#' && (fragment.isEmpty() || !role.equals("a") && !role.equals("area"))) {
            return;
        }
        Optional<String> url = normalizer.resolve(base, raw);
        if (url.isPresent()) {
            found.add(new Found(url.get(), label, kindOf(role, url.get()), fragment, false));
        } else if (!WebUrl.otherScheme(raw)) {
            found.add(new Found(raw, label, kindOf(role, raw), fragment, true));
        }
    }

    /** What follows the first '#', or null. */
    private static String fragment(String raw) {
        int hash = raw.indexOf('#');
        return hash < 0 ? null : raw.substring(hash + 1);
    }

    /** The links of a page given as HTML, found by {@link LinkScanner} without building a DOM. */
    List<Found> links(String html, String pageUrl) {
        return links(LinkScanner.scan(html, false), pageUrl);
    }

    /** The links of a scanned page with {@code pageUrl} (normalised) as its address; as {@link #links(Document, String)}. */
    List<Found> links(LinkScanner.Scan scan, String pageUrl) {
        UrlNormalizer.Base base = UrlNormalizer.base(pageUrl);
        if (scan.baseHref() != null) {
            Optional<String> declared = normalizer.resolve(base, scan.baseHref());
            if (declared.isPresent()) {
                base = UrlNormalizer.base(declared.get());
            }
        }
        List<Found> found = new ArrayList<>(scan.links().size());
        for (LinkScanner.Raw link : scan.links()) {
            String raw = link.value().strip();
            if (raw.isEmpty() || ignoredScheme(raw)) {
                continue;
            }
            String fragment = fragment(raw);
            if (raw.charAt(0) == '#' && (fragment.isEmpty() || !link.tag().equals("a") && !link.tag().equals("area"))) {
                continue; // "#" is the top of the page; an image or script at "#x" is the page itself
            }
            Optional<String> url = normalizer.resolve(base, raw);
            if (url.isPresent()) {
                found.add(new Found(url.get(), link.label(), kindOf(link.tag(), url.get()), fragment, false));
            } else if (!WebUrl.otherScheme(raw)) {
                found.add(new Found(raw, link.label(), kindOf(link.tag(), raw), fragment, true));
            }
        }
        return found;
    }

    /** The kind of a link by the role its element gives it, else by its URL. */
    private LinkKind kindOf(String role, String url) {
        return switch (role) {
            case "img", "icon" -> LinkKind.IMAGE;
            case "embed" -> LinkKind.ATTACHMENT;
            case "iframe", "frame", "refresh" -> LinkKind.PAGE;
            case "script" -> LinkKind.SCRIPT;
            case "stylesheet" -> LinkKind.STYLESHEET;
            case "preload" -> LinkKind.RESOURCE;
            default -> kindOf(url);
        };
    }

    /** By the extension of the URL's path: images and attachments, else a page. */
    LinkKind kindOf(String url) {
        String ext = extension(url);
        if (imageExtensions.contains(ext)) {
            return LinkKind.IMAGE;
        }
        if (attachmentExtensions.contains(ext)) {
            return LinkKind.ATTACHMENT;
        }
        return LinkKind.PAGE;
    }

    private static String extension(String url) {
        int end = url.length();
        int q = url.indexOf('?');
        if (q >= 0) {
            end = q;
        }
        int slash = url.lastIndexOf('/', end - 1);
        int dot = url.lastIndexOf('.', end - 1);
        return dot > slash && dot >= 0 ? url.substring(dot + 1, end).toLowerCase(Locale.ROOT) : "";
    }

    static boolean ignoredScheme(String raw) {
        int colon = raw.indexOf(':');
        if (colon < 0 || colon > "javascript".length()) {
            return false;
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        return lower.startsWith("javascript:") || lower.startsWith("mailto:") || lower.startsWith("tel:")
                || lower.startsWith("data:") || lower.startsWith("sms:") || lower.startsWith("about:");
    }

    /** The text a reader would use to recognise the link. */
    static String label(Element el) {
        String text = el.text().strip();
        if (text.isEmpty()) {
            text = el.attr("alt").isBlank() ? el.attr("title").strip() : el.attr("alt").strip();
        }
        if (text.isEmpty()) {
            Element img = el.selectFirst("img[alt]");
            text = img == null ? "" : img.attr("alt").strip();
        }
        if (text.isEmpty()) {
            text = "<" + el.normalName() + ">";
        }
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
    }
}
