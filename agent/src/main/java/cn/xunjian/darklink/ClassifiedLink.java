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
 * @param selector a CSS selector that outlines it (the enclosing frame or noscript for links inside those); empty
 *     for a link that is only in the served source
 * @param hidden whether a citizen cannot see it
 * @param reasons how it is hidden (classifier keys such as {@code no-box}, {@code covered:div#mask})
 * @param ancestors ancestors with styles that hide or clip, e.g. {@code div.links {display:none}}
 * @param style the element's computed style subset
 * @param frame the URL of the frame it is in, empty for the page itself
 * @param media whether the link shows an image or other media rather than (only) text
 * @param hider the element that hides it and what would show that element; null for a visible link
 */
record ClassifiedLink(int id, String tag, String href, String text, String title, String outerHtml,
                      String selector, boolean hidden, List<String> reasons, List<String> ancestors,
                      Map<String, String> style, String frame, boolean media, Hider hider) {
    ClassifiedLink {
        reasons = List.copyOf(reasons);
        ancestors = List.copyOf(ancestors);
        style = Map.copyOf(style);
    }

    /**
     * The element whose own style hides a link: one {@code display:none} list, one off-page block. Links hidden by
     * the same element share its {@code id}.
     *
     * @param id the classifier's number for the element (negative for a frame or noscript)
     * @param element a description such as {@code div.navList}
     * @param text its text, at most 300 characters
     * @param revealed what on the page would show it, as {@code kind:detail}: {@code css-state:.menu li:hover ul},
     *     {@code css-class:.tab-pane.active}, {@code other-viewport:.m-nav}, {@code handler:onmouseover@li},
     *     {@code jquery:mouseenter@li.L1}, {@code script:#menu2}, {@code sibling-panel:ul.list}, {@code label:友情链接}
     */
    record Hider(int id, String element, String text, List<String> revealed) {
        Hider {
            revealed = List.copyOf(revealed);
        }
    }
}
