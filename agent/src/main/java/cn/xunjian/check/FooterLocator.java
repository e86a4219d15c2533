package cn.xunjian.check;

import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Finds the footer of a page: the footer-like element that carries footer words. Marks are looked for there first
 * and then in the whole page, so a footer that is found wrongly or not at all costs no mark.
 */
final class FooterLocator {
    private FooterLocator() {
    }

    /** The footer, or the body when no element looks like one. */
    static Element find(Document doc, FooterMarkRules rules) {
        return locate(doc, rules).orElse(doc.body());
    }

    /** The footer-like element that carries footer words; empty when there is none. */
    static Optional<Element> locate(Document doc, FooterMarkRules rules) {
        Element best = null;
        for (String selector : rules.footerSelectors()) {
            Elements candidates = doc.select(selector);
            for (int i = candidates.size() - 1; i >= 0; i--) {
                Element el = candidates.get(i);
                if (hasHint(el.text(), rules.footerHints()) && (best == null || el.text().length() > best.text().length())) {
                    best = el;
                }
            }
            if (best != null) {
                return Optional.of(outermost(best, rules));
            }
        }
        return Optional.empty();
    }

    /** Widens to the footer container when the match was an inner line of it. */
    private static Element outermost(Element el, FooterMarkRules rules) {
        Element current = el;
        for (Element parent : el.parents()) {
            if (parent.tagName().equals("body")) {
                break;
            }
            if (parent.is(String.join(", ", rules.footerSelectors()))) {
                current = parent;
            }
        }
        return current;
    }

    private static boolean hasHint(String text, List<String> hints) {
        return hints.stream().anyMatch(text::contains);
    }
}
