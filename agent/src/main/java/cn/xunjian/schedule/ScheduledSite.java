package cn.xunjian.schedule;

import cn.xunjian.evidence.Sha256;
import cn.xunjian.site.SiteFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A site of the schedule: its file, its parsed content, a stable key for job names and where it comes from.
 *
 * @param file   the site file, or null for a site added in the web console
 * @param key    first 12 hex digits of the SHA-256 of the site URL it was first scheduled with; stays the same when
 *               the schedule is reordered and when the site is edited in the console
 * @param origin a site file, a site file overridden in the console, or a site of the console
 */
public record ScheduledSite(Path file, SiteFile site, String key, Origin origin) {
    /** Where a site comes from, as the console's list says it. */
    public enum Origin {
        FILE("站点文件"),
        OVERRIDDEN("站点文件（控制台已修改）"),
        CONSOLE("控制台");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static ScheduledSite of(Path file, SiteFile site) {
        return new ScheduledSite(file, site, keyOf(site.url()), Origin.FILE);
    }

    /** The job key of a site first scheduled with {@code url}. */
    public static String keyOf(String url) {
        return Sha256.of(url.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }
}
