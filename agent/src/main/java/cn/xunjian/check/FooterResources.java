package cn.xunjian.check;

import cn.xunjian.browser.AuditPage;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The scripts, frames and images that may carry a page's footer or one of its marks, and which of them did not
 * load. A resource may carry the footer when it sits in the footer, when its name says so ({@code foot.js},
 * {@code bottom.html}), or when it comes after the last text of the page, where a footer would be. A mark that is
 * not found while such a resource failed is unverifiable, not missing: the resource may well have shown it.
 */
final class FooterResources {
    /**
     * A resource that did not load, as messages name it.
     *
     * @param mark the id of the one mark it may show ({@code conac} for a 党政机关 badge), null when it may show any
     */
    record Resource(String kind, String url, String mark) {
        String describe() {
            return kind + " " + url;
        }

        boolean mayShow(String markId) {
            return mark == null || mark.equals(markId);
        }
    }

    private final Document doc;
    private final Element footer;
    private final boolean located;
    private final FooterMarkRules rules;
    private final Set<Element> trailing = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Resource> failed = new LinkedHashSet<>();
    private final List<String> loadedFrames = new ArrayList<>();
    private List<Resource> unloaded;

    private FooterResources(Document doc, Element footer, boolean located, FooterMarkRules rules) {
        this.doc = doc;
        this.footer = footer;
        this.located = located;
        this.rules = rules;
        List<Element> all = doc.body() == null ? List.of() : doc.body().getAllElements();
        Pattern hiddenStyle = Pattern.compile(rules.resources().hiddenStyle());
        Set<Element> hidden = Collections.newSetFromMap(new IdentityHashMap<>());
        int lastText = -1;
        for (int i = 0; i < all.size(); i++) {
            Element el = all.get(i);
            Element parent = el.parent();
            if (parent != null && hidden.contains(parent) || hiddenStyle.matcher(el.attr("style")).find()) {
                hidden.add(el);
            }
            // text nobody sees (a block of 暗链 injected before </body>) does not end the page: what follows it
            // may still be where the footer is written
            if (!el.is("script, style, noscript, template") && !el.ownText().isBlank() && !hidden.contains(el)) {
                lastText = i;
            }
        }
        for (int i = lastText + 1; i < all.size(); i++) {
            trailing.add(all.get(i));
        }
    }

    static FooterResources of(Document doc, Element footer, boolean located, FooterMarkRules rules) {
        return new FooterResources(doc, footer, located, rules);
    }

    /** The frames that may show the footer, in page order, as many as may be followed. */
    List<Element> frames() {
        return doc.select("iframe[src], frame[src]").stream().filter(this::carrier)
                .limit(rules.resources().maxFrames()).toList();
    }

    /** A frame that showed no document. */
    void frameFailed(Element frame) {
        failed.add(new Resource("框架", frame.absUrl("src"), null));
    }

    /** A frame that was followed: whether its address answers is learnt when it matters. */
    void frameLoaded(String url) {
        loadedFrames.add(url);
    }

    /** An image that could not be fetched: it counts when it may be a mark. */
    void imageFailed(Element img, String url) {
        if (mayBeMark(img)) {
            failed.add(new Resource("图片", url, markOf(img)));
        }
    }

    /**
     * The resources that may show the mark {@code markId} and did not load: frames and images already known to
     * have failed, then scripts and followed frames whose address does not answer (fetched once, at most
     * {@code maxProbes}).
     */
    List<Resource> unloaded(AuditPage page, String markId) {
        return probe(page).stream().filter(r -> r.mayShow(markId)).toList();
    }

    private List<Resource> probe(AuditPage page) {
        if (unloaded != null) {
            return unloaded;
        }
        Set<Resource> out = new LinkedHashSet<>(failed);
        int probes = 0;
        List<Resource> candidates = new ArrayList<>();
        for (Element script : doc.select("script[src]")) {
            if (carrier(script) && !ignored(script)) {
                candidates.add(new Resource("脚本", script.absUrl("src"), null));
            }
        }
        loadedFrames.forEach(url -> candidates.add(new Resource("框架", url, null)));
        for (Resource r : candidates) {
            if (r.url().isEmpty() || out.contains(r) || probes >= rules.resources().maxProbes()) {
                continue;
            }
            probes++;
            if (page.fetch(r.url()).isEmpty()) {
                out.add(r);
            }
        }
        unloaded = List.copyOf(out);
        return unloaded;
    }

    private boolean carrier(Element el) {
        if (named(el, rules.resources().hints())) {
            return true;
        }
        boolean placed = trailing.contains(el) || located && (el == footer || el.parents().contains(footer));
        return placed && !(el.is("script") && named(el, rules.resources().ignoredNames()));
    }

    private static boolean named(Element el, List<String> words) {
        String names = (el.attr("src") + " " + el.id() + " " + el.className() + " " + el.attr("name"))
                .toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(names::contains);
    }

    /** Statistics counters and the standard embeds (which count as present by themselves) carry no footer. */
    private boolean ignored(Element script) {
        String host = host(script.absUrl("src"));
        return script.id().equals("_jiucuo_") || rules.resources().ignoredHosts().contains(host)
                || rules.conacScriptHosts().contains(host) || rules.jiucuoLinkHosts().contains(host);
    }

    private boolean mayBeMark(Element img) {
        String words = (img.attr("src") + " " + img.attr("alt") + " " + img.attr("title")).toLowerCase(Locale.ROOT);
        if (rules.resources().imageHints().stream().anyMatch(words::contains)) {
            return true;
        }
        Element link = img.closest("a[href]");
        if (link != null && markHost(host(link.absUrl("href")))) {
            return true;
        }
        boolean unnamed = img.attr("alt").isBlank() && img.attr("title").isBlank();
        boolean inFooter = img.ownerDocument() != doc || trailing.contains(img)
                || located && img.parents().contains(footer);
        return unnamed && inFooter;
    }

    /** The one mark an image shows, when its name or link says which; null when it may be any. */
    private String markOf(Element img) {
        String src = img.attr("src").toLowerCase(Locale.ROOT);
        if (rules.conacImageHints().stream().anyMatch(src::contains) || img.attr("alt").contains("党政机关")) {
            return "conac";
        }
        if (rules.jiucuoImageHints().stream().anyMatch(src::contains)) {
            return "jiucuo";
        }
        Element link = img.closest("a[href]");
        String host = link == null ? "" : host(link.absUrl("href"));
        if (rules.conacLinkHosts().contains(host)) {
            return "conac";
        }
        if (rules.jiucuoLinkHosts().contains(host)) {
            return "jiucuo";
        }
        return rules.textMarks().stream().filter(m -> m.linkHosts().contains(host)).map(m -> m.id()).findFirst()
                .orElse(null);
    }

    private boolean markHost(String host) {
        return rules.conacLinkHosts().contains(host) || rules.jiucuoLinkHosts().contains(host)
                || rules.textMarks().stream().anyMatch(m -> m.linkHosts().contains(host));
    }

    static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
