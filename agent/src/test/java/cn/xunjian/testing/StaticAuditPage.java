package cn.xunjian.testing;

import cn.xunjian.browser.AuditPage;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * An {@link AuditPage} over fixed HTML, for unit tests of checks without a browser. It runs no scripts: a test
 * that needs what a script would report (a classifier's verdicts, say) writes that answer down with
 * {@link #answering}. Frames show the documents registered with {@link #frame(String, String)}; any other frame
 * did not load.
 */
public final class StaticAuditPage implements AuditPage {
    /** A 1x1 white PNG so screenshot evidence has real bytes. */
    public static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC");

    private final String url;
    private final String html;
    private final Map<String, byte[]> resources = new HashMap<>();
    private final Map<String, String> answers = new LinkedHashMap<>();
    private final Map<String, String> frames = new HashMap<>();

    public StaticAuditPage(String url, String html) {
        this.url = url;
        this.html = html;
    }

    public StaticAuditPage resource(String absoluteUrl, byte[] bytes) {
        resources.put(absoluteUrl, bytes);
        return this;
    }

    /**
     * The document a frame whose {@code src} resolves to {@code absoluteUrl} shows; it is also what fetching that
     * address returns.
     */
    public StaticAuditPage frame(String absoluteUrl, String frameHtml) {
        frames.put(absoluteUrl, frameHtml);
        resources.put(absoluteUrl, frameHtml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return this;
    }

    /** Scripts whose source contains {@code marker} return {@code json}, as the script would on this page. */
    public StaticAuditPage answering(String marker, String json) {
        answers.put(marker, json);
        return this;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public String html() {
        return html;
    }

    @Override
    public String title() {
        return Jsoup.parse(html).title();
    }

    @Override
    public byte[] screenshot() {
        return PNG.clone();
    }

    @Override
    public Optional<byte[]> outlinedScreenshot(String cssSelector) {
        return Jsoup.parse(html).selectFirst(cssSelector) == null ? Optional.empty() : Optional.of(PNG.clone());
    }

    @Override
    public Optional<byte[]> highlightedScreenshot(String phrase) {
        return Jsoup.parse(html).text().contains(phrase) ? Optional.of(PNG.clone()) : Optional.empty();
    }

    @Override
    public String evaluateJson(String function) {
        return answers.entrySet().stream().filter(a -> function.contains(a.getKey())).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new UnsupportedOperationException("parsed-HTML test pages run no scripts"));
    }

    @Override
    public Optional<byte[]> fetch(String absoluteUrl) {
        return Optional.ofNullable(resources.get(absoluteUrl));
    }

    @Override
    public Optional<FrameDocument> frame(String cssSelector) {
        Element element = Jsoup.parse(html, url).selectFirst(cssSelector);
        if (element == null || !element.is("iframe, frame")) {
            return Optional.empty();
        }
        String src = element.absUrl("src");
        return Optional.ofNullable(frames.get(src)).map(h -> new FrameDocument(src, h));
    }
}
