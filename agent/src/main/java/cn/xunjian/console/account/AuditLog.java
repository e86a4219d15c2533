package cn.xunjian.console.account;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The trail of every action taken through the console or the API ({@code XJ_AUDIT_LOG}): who, when, from which
 * address, what. This class only appends and reads; nothing in the console updates or deletes a row (on PostgreSQL
 * a trigger refuses it).
 */
public final class AuditLog {
    /** One entry. */
    public record Entry(long id, Instant at, String actor, String address, String action, String detail) {
    }

    private final Jdbc db;
    private final Clock clock;

    public AuditLog(DataSource ds, Clock clock) {
        this.db = new Jdbc(ds);
        this.clock = clock;
    }

    public void append(String actor, String address, String action, String detail) {
        db.sql(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO XJ_AUDIT_LOG (LOGGED_AT, ACTOR, ADDRESS, ACTION, "
                    + "DETAIL) VALUES (?, ?, ?, ?, ?)")) {
                s.setObject(1, Jdbc.utc(clock.instant()));
                s.setString(2, actor == null ? "" : actor);
                s.setString(3, address == null ? "" : address);
                s.setString(4, action);
                s.setString(5, detail == null ? "" : detail);
                return s.executeUpdate();
            }
        });
    }

    /** The newest {@code limit} entries, newest first. */
    public List<Entry> recent(int limit) {
        return db.sql(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT ID, LOGGED_AT, ACTOR, ADDRESS, ACTION, DETAIL "
                    + "FROM XJ_AUDIT_LOG ORDER BY ID DESC")) {
                s.setMaxRows(limit);
                List<Entry> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                    }
                }
                return out;
            }
        });
    }
}
