package cn.xunjian.check;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A place where footer marks may stand: the footer, HTML a script writes, a frame's document, the rest of the page.
 *
 * @param label what the place is, for messages
 * @param root what is searched
 * @param anchor the element of the page itself that shows this place, for screenshots
 * @param ofPage whether {@code root} is part of the page's own document, so that its elements can be pointed at
 */
record MarkSource(String label, Element root, Element anchor, boolean ofPage) {
    /** The visible text of the place (a whole document's body, not its title). */
    String text() {
        if (root instanceof Document doc) {
            return doc.body() == null ? "" : doc.body().text();
        }
        return root.text();
    }

    /** The element of the page to point at for {@code element} found here. */
    Element shown(Element element) {
        return ofPage && element != null ? element : anchor;
    }
}
