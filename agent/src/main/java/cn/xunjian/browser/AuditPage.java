package cn.xunjian.browser;

import java.util.Optional;

/**
 * The narrow port through which checks see a rendered page. The Playwright implementation renders in Chromium;
 * tests implement it over parsed HTML. Implementations are confined to one thread.
 */
public interface AuditPage {
    /** The final URL after redirects. */
    String url();

    /** The rendered DOM, serialised (what a citizen's browser shows, scripts applied). */
    String html();

    String title();

    /** A full-page PNG screenshot. */
    byte[] screenshot();

    /**
     * A PNG of the viewport scrolled to the element matched by {@code cssSelector}, with the element outlined
     * in red; empty when no element matches.
     */
    Optional<byte[]> outlinedScreenshot(String cssSelector);

    /**
     * A PNG of the viewport scrolled to the first visible occurrence of {@code phrase} in the page text, with the
     * phrase boxed in red; empty when the text is not on the page.
     */
    Optional<byte[]> highlightedScreenshot(String phrase);

    /**
     * Runs {@code function} (a JavaScript function expression taking no arguments, e.g. {@code () => ...}) in the
     * page and returns its result serialised as JSON.
     *
     * @throws UnsupportedOperationException when the page has no script engine (parsed-HTML test pages)
     */
    String evaluateJson(String function);

    /** The bytes of a resource (an image) as this page's browser would get them; empty when it cannot. */
    Optional<byte[]> fetch(String absoluteUrl);

    /**
     * The document shown in the frame of the {@code <iframe>} or {@code <frame>} element matched by
     * {@code cssSelector}, as rendered (scripts applied); empty when nothing matches, the element is no frame, or
     * its document did not load (blocked, refused, timed out, an error page of the browser).
     */
    Optional<FrameDocument> frame(String cssSelector);

    /** A frame's document: its final URL and its serialised DOM. */
    record FrameDocument(String url, String html) {
    }
}
