package cn.xunjian.check;

import cn.xunjian.check.FooterMarkRules.TextMark;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Finds a text mark in the places of a page: in their text, in the alt and title of their images, in the
 * addresses their links point to. A standard spelling anywhere wins over a malformed one.
 */
final class MarkFinder {
    /**
     * A mark as it stands.
     *
     * @param value the mark as written, white space removed
     * @param element the element that holds it, when known
     */
    record Sighting(String value, boolean standard, MarkSource source, Element element) {
    }

    private final FooterMarkRules rules;

    MarkFinder(FooterMarkRules rules) {
        this.rules = rules;
    }

    Optional<Sighting> inText(TextMark mark, List<MarkSource> sources) {
        Sighting malformed = null;
        for (MarkSource source : sources) {
            Matcher m = mark.regex().matcher(rules.normalise(source.text()));
            while (m.find()) {
                String value = m.group(1).replaceAll("\\s+", "");
                Sighting s = new Sighting(value, mark.isStandard(value), source, null);
                if (s.standard()) {
                    return Optional.of(s);
                }
                malformed = malformed == null ? s : malformed;
            }
        }
        return Optional.ofNullable(malformed);
    }

    /** The mark in the alt or title of an image (or of the link around one): it is shown as a picture. */
    Optional<Sighting> inImageText(TextMark mark, List<MarkSource> sources) {
        Sighting malformed = null;
        for (MarkSource source : sources) {
            for (Element el : source.root().select("img[alt], img[title], a[title]:has(img)")) {
                for (String attr : List.of("alt", "title")) {
                    Matcher m = mark.regex().matcher(rules.normalise(el.attr(attr)));
                    if (m.find()) {
                        String value = m.group(1).replaceAll("\\s+", "");
                        Sighting s = new Sighting(value, mark.isStandard(value), source, el);
                        if (s.standard()) {
                            return Optional.of(s);
                        }
                        malformed = malformed == null ? s : malformed;
                    }
                }
            }
        }
        return Optional.ofNullable(malformed);
    }

    /** The mark's number in the address of a link that shows something (an image or text). */
    Optional<Sighting> inLinks(TextMark mark, List<MarkSource> sources) {
        List<Pattern> patterns = mark.linkValues().stream().map(Pattern::compile).toList();
        if (patterns.isEmpty()) {
            return Optional.empty();
        }
        for (MarkSource source : sources) {
            for (Element a : source.root().select("a[href]")) {
                if (!a.hasText() && a.select("img").isEmpty()) {
                    continue;
                }
                String href = a.absUrl("href");
                for (Pattern p : patterns) {
                    Matcher m = p.matcher(href);
                    if (m.find()) {
                        return Optional.of(new Sighting(m.group(1), true, source, a));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The innermost element of the sighting's place whose text holds the value, for pointing at it. */
    Element holder(Sighting s) {
        if (s.element() != null) {
            return s.element();
        }
        Predicate<Element> holds = el -> rules.normalise(el.text()).replaceAll("\\s+", "").contains(s.value());
        Element root = s.source().root() instanceof org.jsoup.nodes.Document d && d.body() != null ? d.body()
                : s.source().root();
        Element current = root;
        boolean deeper = true;
        while (deeper) {
            deeper = false;
            for (Element child : current.children()) {
                if (holds.test(child)) {
                    current = child;
                    deeper = true;
                    break;
                }
            }
        }
        return current;
    }
}
