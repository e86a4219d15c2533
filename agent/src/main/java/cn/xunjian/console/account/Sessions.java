package cn.xunjian.console.account;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Sessions in the shared database ({@code XJ_SESSIONS}), so every node of a cluster knows them; the id is stored as
 * its SHA-256, and a session past its expiry is gone.
 */
public final class Sessions {
    private final Jdbc db;
    private final Users users;
    private final SecurityRules rules;
    private final Clock clock;

    public Sessions(DataSource ds, Users users, SecurityRules rules, Clock clock) {
        this.db = new Jdbc(ds);
        this.users = users;
        this.rules = rules;
        this.clock = clock;
    }

    public Session open(User user) {
        String id = Secrets.newToken();
        String csrf = Secrets.newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(rules.session());
        db.sql(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM XJ_SESSIONS WHERE EXPIRES_AT < ?")) {
                s.setObject(1, Jdbc.utc(now));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO XJ_SESSIONS (ID_HASH, USER_NAME, CSRF, CREATED_AT, "
                    + "EXPIRES_AT) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, Secrets.hash(id));
                s.setString(2, user.name());
                s.setString(3, csrf);
                s.setObject(4, Jdbc.utc(now));
                s.setObject(5, Jdbc.utc(expires));
                s.executeUpdate();
            }
            return null;
        });
        return new Session(id, user, csrf, expires);
    }

    /** The live session with this cookie value. */
    public Optional<Session> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<String[]> row = db.sql(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT USER_NAME, CSRF, EXPIRES_AT FROM XJ_SESSIONS "
                    + "WHERE ID_HASH = ?")) {
                s.setString(1, Secrets.hash(id));
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() || !rs.getObject(3, OffsetDateTime.class).toInstant().isAfter(now)) {
                        return Optional.empty();
                    }
                    return Optional.of(new String[] {rs.getString(1), rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant().toString()});
                }
            }
        });
        return row.flatMap(r -> users.find(r[0]).map(u -> new Session(id, u, r[1], Instant.parse(r[2]))));
    }

    public void close(String id) {
        db.sql(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM XJ_SESSIONS WHERE ID_HASH = ?")) {
                s.setString(1, Secrets.hash(id));
                return s.executeUpdate();
            }
        });
    }
}
