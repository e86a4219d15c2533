package cn.xunjian.darklink;

import java.util.List;
import java.util.Map;

/**
 * A link (or frame) of a rendered page as the visibility classifier saw it.
 *
 * @param id the number the classifier gave it
 * @param tag {@code a}, {@code iframe} or {@code frame}
 * @param href the absolute target
 * @param text the link text (whitespace collapsed, at most 200 characters)
 * @param title the {@code title} attribute, empty when none
 * @param outerHtml the element's markup, trimmed to 500 characters
 * @param selector a CSS selector that outlines it (the enclosing frame or noscript for links inside those)
 * @param hidden whether a citizen cannot see it
 * @param reasons how it is hidden (classifier keys such as {@code no-box}, {@code covered:div#mask})
 * @param ancestors ancestors with styles that hide or clip, e.g. {@code div.links {display:none}}
 * @param style the element's computed style subset
 * @param frame the URL of the frame it is in, empty for the page itself
 */
record ClassifiedLink(int id, String tag, String href, String text, String title, String outerHtml,
                             String selector, boolean hidden, List<String> reasons, List<String> ancestors,
                             Map<String, String> style, String frame) {
    public ClassifiedLink {
        reasons = List.copyOf(reasons);
        ancestors = List.copyOf(ancestors);
        style = Map.copyOf(style);
    }
}
