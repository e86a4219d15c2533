package cn.xunjian.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The sites stored in the shared database by the web console ({@code XJ_SITES}): each one's site-file JSON text,
 * who added it and who changed it last, when and from where. The text is stored as given; validating it is the
 * caller's business (the same loader as site files).
 */
public final class JdbcSiteStore {
    /**
     * One stored site.
     *
     * @param sourceFile the site file this row overrides, or null for a site added in the console
     */
    public record StoredSite(String key, String json, String sourceFile, String createdBy, Instant createdAt,
                             String updatedBy, Instant updatedAt, String updatedFrom) {
    }

    /** The columns {@link #row} reads, in its order. */
    private static final String SELECT = "SELECT SITE_KEY, SITE_JSON, SOURCE_FILE, CREATED_BY, CREATED_AT, UPDATED_BY, "
            + "UPDATED_AT, UPDATED_FROM FROM XJ_SITES";

    private final Connections db;

    public JdbcSiteStore(DataSource ds) {
        this.db = new Connections(ds, StoreException::new);
    }

    /** Every stored site, oldest first. */
    public List<StoredSite> all() {
        return db.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " ORDER BY CREATED_AT, SITE_KEY");
                 ResultSet rs = s.executeQuery()) {
                List<StoredSite> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row(rs));
                }
                return out;
            }
        });
    }

    public Optional<StoredSite> find(String key) {
        return db.sql(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE SITE_KEY = ?")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Stores the site under {@code key}: a new row, or the row's new text (keeping who added it and when).
     *
     * @param sourceFile the site file overridden, or null
     */
    public void save(String key, String json, String sourceFile, String actor, String address, Instant at) {
        db.tx(c -> {
            OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
            int updated;
            try (PreparedStatement s = c.prepareStatement("UPDATE XJ_SITES SET SITE_JSON = ?, UPDATED_BY = ?, "
                    + "UPDATED_AT = ?, UPDATED_FROM = ? WHERE SITE_KEY = ?")) {
                s.setString(1, json);
                s.setString(2, actor);
                s.setObject(3, when);
                s.setString(4, address);
                s.setString(5, key);
                updated = s.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO XJ_SITES (SITE_KEY, SITE_JSON, SOURCE_FILE, "
                        + "CREATED_BY, CREATED_AT, UPDATED_BY, UPDATED_AT, UPDATED_FROM) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, key);
                    s.setString(2, json);
                    s.setString(3, sourceFile);
                    s.setString(4, actor);
                    s.setObject(5, when);
                    s.setString(6, actor);
                    s.setObject(7, when);
                    s.setString(8, address);
                    s.executeUpdate();
                }
            }
            return updated;
        });
    }

    private static StoredSite row(ResultSet rs) throws java.sql.SQLException {
        return new StoredSite(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6),
                rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getString(8));
    }
}
