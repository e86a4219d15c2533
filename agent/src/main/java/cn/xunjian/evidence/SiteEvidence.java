package cn.xunjian.evidence;

import cn.xunjian.model.Evidence;

import cn.xunjian.internal.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;

/** The evidence store as seen by the checks of one site. */
public final class SiteEvidence {
    private final EvidenceStore store;
    private final String site;

    public SiteEvidence(EvidenceStore store, String site) {
        this.store = store;
        this.site = site;
    }

    public Evidence screenshot(String name, byte[] png, String url) {
        return store.save(site, name, "png", png, "screenshot", url);
    }

    public Evidence html(String name, String html, String url) {
        return store.save(site, name, "html", html.getBytes(StandardCharsets.UTF_8), "html", url);
    }

    /** Saves an image read by OCR or QR next to what was read from it; returns the text file's evidence. */
    public Evidence text(String type, String name, String text, String url) {
        return store.save(site, name, "txt", text.getBytes(StandardCharsets.UTF_8), type, url);
    }

    public Evidence image(String type, String name, byte[] bytes, String url) {
        return store.save(site, name, "png", bytes, type, url);
    }

    /**
     * Where the site's browser session records its HTTP archive (a zipped HAR) until {@link #archive} turns it into
     * the web archive and removes it.
     */
    public java.nio.file.Path recordingFile() throws java.io.IOException {
        return store.workDir(site).resolve("browser.har.zip");
    }

    /**
     * Writes the site's web archive (WACZ) from the HTTP archive its recorded browser session wrote.
     *
     * @see EvidenceStore#archive
     */
    public WebArchive archive(java.nio.file.Path har, java.util.List<WebArchive.Rendered> pages, String title)
            throws java.io.IOException {
        return store.archive(site, har, pages, title);
    }

    /** Saves a record (a probe, an HTTP exchange) as JSON. */
    public Evidence json(String type, String name, Object value, String url) {
        try {
            return store.save(site, name, "json", Json.mapper().writeValueAsBytes(value), type, url);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence record is not serialisable: " + value, e);
        }
    }
}
