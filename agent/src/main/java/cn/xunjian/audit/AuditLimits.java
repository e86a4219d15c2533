package cn.xunjian.audit;

import cn.xunjian.internal.RuleFiles;

/**
 * How much of a site one audit takes on, read from {@code audit-limits.json}: pages crawled and page checks run
 * on, pages rendered in the browser (the expensive part), screenshots of broken links beyond the home page, and
 * the characters of crawled HTML kept for checks that read pages again.
 */
public record AuditLimits(int crawlMaxPages, int crawlMaxDepth, int renderBudget, int brokenLinkScreenshots,
                          long pageCacheChars) {
    public static AuditLimits standard() {
        return RuleFiles.load(AuditLimits.class, "audit-limits.json", AuditLimits.class);
    }
}
