package cn.xunjian.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.Set;

/**
 * A file that backs a finding.
 *
 * @param type one of {@code screenshot, html, ocr, qr, http, warc}
 * @param path path relative to the run directory, with forward slashes
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 * @param page for a web archive ({@code warc}): the archived page the finding is about, as the archive lists it;
 *     null otherwise
 * @param capturedAt for a web archive: when that page was captured (ISO-8601 with offset, Asia/Shanghai); null
 *     otherwise
 */
@com.fasterxml.jackson.annotation.JsonPropertyOrder({"type", "path", "sha256", "page", "capturedAt"})
public record Evidence(String type, String path, String sha256,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String page,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String capturedAt) {
    public static final String WARC = "warc";
    private static final Set<String> TYPES = Set.of("screenshot", "html", "ocr", "qr", "http", WARC);

    public Evidence {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown evidence type: " + type);
        }
        if (WARC.equals(type) && (page == null || capturedAt == null)) {
            throw new IllegalArgumentException("a web archive reference names its page and capture time");
        }
    }

    /** A file that is itself the evidence (a screenshot, a page source, a record). */
    public Evidence(String type, String path, String sha256) {
        this(type, path, sha256, null, null);
    }

    /** The page {@code page} as archived at {@code capturedAt} in the web archive (WACZ) at {@code path}. */
    public static Evidence archived(String path, String sha256, String page, String capturedAt) {
        return new Evidence(WARC, path, sha256, page, capturedAt);
    }
}
