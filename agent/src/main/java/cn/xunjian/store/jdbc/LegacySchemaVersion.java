package cn.xunjian.store.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads {@code SCHEMA_VERSION}, the table in which the migrations before Flyway recorded the versions they applied
 * (one row per version, in the connection's default schema).
 */
final class LegacySchemaVersion {
    static final String TABLE = "SCHEMA_VERSION";

    private LegacySchemaVersion() {
    }

    /** The highest version in the legacy table (0 when it has no rows); empty when the table does not exist. */
    static Optional<Integer> highest(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            if (!exists(c)) {
                return Optional.empty();
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(VERSION), 0) FROM " + TABLE)) {
                rs.next();
                return Optional.of(rs.getInt(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + TABLE + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        // the old code created the table unquoted: H2 keeps the name upper case, PostgreSQL folds it to lower case
        String name = meta.storesLowerCaseIdentifiers() ? TABLE.toLowerCase(Locale.ROOT) : TABLE;
        String pattern = name.replace("_", meta.getSearchStringEscape() + "_");
        try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), pattern, new String[] {"TABLE"})) {
            return rs.next();
        }
    }
}
