package cn.xunjian.audit;

import cn.xunjian.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * How much of a site one audit takes on, read from {@code audit-limits.json}: pages crawled and page checks run
 * on, pages rendered in the browser (the expensive part), screenshots of broken links beyond the home page, and
 * the characters of crawled HTML kept for checks that read pages again.
 */
public record AuditLimits(int crawlMaxPages, int crawlMaxDepth, int renderBudget, int brokenLinkScreenshots,
                          long pageCacheChars) {
    public static AuditLimits standard() {
        try (InputStream in = AuditLimits.class.getResourceAsStream("audit-limits.json")) {
            if (in == null) {
                throw new IllegalStateException("audit-limits.json missing from the jar");
            }
            return Json.mapper().readValue(in, AuditLimits.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read audit-limits.json", e);
        }
    }
}
