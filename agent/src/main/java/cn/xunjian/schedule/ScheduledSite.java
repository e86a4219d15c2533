package cn.xunjian.schedule;

import cn.xunjian.evidence.Sha256;
import cn.xunjian.site.SiteFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A site of the schedule: its file, its parsed content and a stable key for job names.
 *
 * @param key first 12 hex digits of the SHA-256 of the site URL; stays the same when the schedule is reordered
 */
public record ScheduledSite(Path file, SiteFile site, String key) {
    public static ScheduledSite of(Path file, SiteFile site) {
        return new ScheduledSite(file, site, Sha256.of(site.url().getBytes(StandardCharsets.UTF_8)).substring(0, 12));
    }
}
