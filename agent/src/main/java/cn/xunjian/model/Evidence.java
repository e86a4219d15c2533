package cn.xunjian.model;

import java.util.Objects;
import java.util.Set;

/**
 * A file that backs a finding.
 *
 * @param type one of {@code screenshot, html, ocr, qr, http}
 * @param path path relative to the run directory, with forward slashes
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 */
@com.fasterxml.jackson.annotation.JsonPropertyOrder({"type", "path", "sha256"})
public record Evidence(String type, String path, String sha256) {
    private static final Set<String> TYPES = Set.of("screenshot", "html", "ocr", "qr", "http");

    public Evidence {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown evidence type: " + type);
        }
    }
}
