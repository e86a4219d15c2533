package cn.xunjian.schedule;

import cn.xunjian.internal.Json;
import cn.xunjian.internal.JsonFieldLines;
import cn.xunjian.site.SiteFile;
import cn.xunjian.site.SiteFileException;
import cn.xunjian.site.SiteFileLoader;
import cn.xunjian.store.jdbc.JdbcSiteStore;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sites the daemon and the console work on: the schedule's site files, with the sites added or edited in the
 * web console on top ({@code XJ_SITES} in the shared database). The database is read on every call, so a site
 * saved on one node of a cluster is known to the others' jobs at once. A stored text that no longer validates is
 * left out (and logged), the site file it overrode applies again.
 */
public final class SiteRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SiteRegistry.class);

    private final List<ScheduledSite> files;
    private final JdbcSiteStore store;

    public SiteRegistry(List<ScheduledSite> files, JdbcSiteStore store) {
        this.files = List.copyOf(files);
        this.store = store;
    }

    /** The schedule's site files, then the console's sites in the order they were added. */
    public List<ScheduledSite> all() {
        Map<String, JdbcSiteStore.StoredSite> rows = store.all().stream()
                .collect(Collectors.toMap(JdbcSiteStore.StoredSite::key, Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
        List<ScheduledSite> out = new ArrayList<>();
        for (ScheduledSite f : files) {
            JdbcSiteStore.StoredSite row = rows.remove(f.key());
            Optional<SiteFile> edited = row == null ? Optional.empty() : parsed(row);
            out.add(edited.map(s -> new ScheduledSite(f.file(), s, f.key(), ScheduledSite.Origin.OVERRIDDEN)).orElse(f));
        }
        for (JdbcSiteStore.StoredSite row : rows.values()) {
            if (row.sourceFile() != null) {
                LOG.info("console edit of {} ignored: that site file is no longer in the schedule", row.sourceFile());
                continue;
            }
            parsed(row).ifPresent(s -> out.add(new ScheduledSite(null, s, row.key(), ScheduledSite.Origin.CONSOLE)));
        }
        return out;
    }

    public Optional<ScheduledSite> byKey(String key) {
        return all().stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public Optional<ScheduledSite> byUrl(String url) {
        return all().stream().filter(s -> s.site().url().equals(url)).findFirst();
    }

    /** Who added or last changed a console site or override, or empty for a plain site file. */
    public Optional<JdbcSiteStore.StoredSite> stored(String key) {
        return store.find(key);
    }

    /**
     * Validates the site's JSON text exactly as a site file, refuses a URL or 网站标识码 another site has, and stores
     * it: as a new console site ({@code key} null), or as the new text of the site {@code key} (for a site file: an
     * override in the database, the file is not rewritten). Nothing is stored when it is refused.
     *
     * @param name what the messages call the text, e.g. 控制台网站“临江县人民政府”
     * @throws SiteFileException naming the field, with the same messages as a site file
     * @throws IllegalArgumentException when {@code key} names no site
     */
    public ScheduledSite save(String key, String json, String name, String actor, String address, Instant at) {
        SiteFile site = new SiteFileLoader().parse(json, name);
        ScheduledSite existing = key == null ? null
                : byKey(key).orElseThrow(() -> new IllegalArgumentException("no site " + key));
        for (ScheduledSite other : all()) {
            if (existing != null && other.key().equals(existing.key())) {
                continue;
            }
            if (other.site().url().equals(site.url())) {
                throw new SiteFileException(name, "url", line(json, "url"),
                        "与已有网站“" + other.site().name() + "”的首页地址重复");
            }
            if (site.siteCode() != null && site.siteCode().equals(other.site().siteCode())) {
                throw new SiteFileException(name, "siteCode", line(json, "siteCode"),
                        "网站标识码与已有网站“" + other.site().name() + "”重复");
            }
        }
        String newKey = existing != null ? existing.key() : ScheduledSite.keyOf(site.url());
        if (existing == null && all().stream().anyMatch(s -> s.key().equals(newKey))) {
            // a site once added with this URL and since moved to another keeps the key; a new one must not take it
            throw new SiteFileException(name, "url", line(json, "url"), "该首页地址曾用于另一个网站，请使用其他地址");
        }
        String source = existing == null || existing.file() == null ? null : existing.file().toString();
        store.save(newKey, json, source, actor, address, at);
        return byKey(newKey).orElseThrow();
    }

    private static Optional<SiteFile> parsed(JdbcSiteStore.StoredSite row) {
        try {
            return Optional.of(new SiteFileLoader().parse(row.json(), "数据库中的网站 " + row.key()));
        } catch (SiteFileException e) {
            LOG.warn("stored site {} left out: {}", row.key(), e.getMessage());
            return Optional.empty();
        }
    }

    private static int line(String json, String field) {
        try {
            Map<String, Integer> lines = JsonFieldLines.of(Json.mapper(), json);
            return Objects.requireNonNullElse(lines.get(field), lines.getOrDefault("", 1));
        } catch (IOException e) {
            return 1;
        }
    }
}
