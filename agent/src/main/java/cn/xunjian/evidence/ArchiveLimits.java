package cn.xunjian.evidence;

import cn.xunjian.internal.RuleFiles;

/**
 * How much of what the browser received goes into a site's web archive ({@code evidence/archive.json}).
 *
 * @param maxResourceBytes a response body longer than this is archived up to this length and marked truncated
 *     ({@code WARC-Truncated: length}), so a video or a large download does not swell the evidence
 * @param maxArchiveBytes once the archive's payloads reach this total, later responses are archived without body
 */
public record ArchiveLimits(long maxResourceBytes, long maxArchiveBytes) {
    public ArchiveLimits {
        if (maxResourceBytes <= 0 || maxArchiveBytes <= 0) {
            throw new IllegalArgumentException("archive limits must be positive");
        }
    }

    public static ArchiveLimits standard() {
        return RuleFiles.load(ArchiveLimits.class, "archive.json", ArchiveLimits.class);
    }
}
