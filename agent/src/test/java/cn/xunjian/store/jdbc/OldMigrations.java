package cn.xunjian.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The schema migrations as they were before Flyway, kept for the tests of the upgrade: each migration's script
 * split at semicolons that end a line, run, and its version recorded in {@code SCHEMA_VERSION} — the same table
 * definition, rows and transaction the old {@code Migrations} used.
 */
final class OldMigrations {
    private static final String[] NAMES = {"V1__quartz_tables.sql", "V2__results.sql", "V3__finding_ids.sql"};
    private static final long PG_LOCK_KEY = 0x78756e6a69616eL;

    private OldMigrations() {
    }

    /** Brings an empty database to {@code version} (1 to 3) the old way. */
    static void migrateTo(DataSource dataSource, Dialect dialect, int version) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (dialect == Dialect.POSTGRESQL) {
                    s.execute("SELECT pg_advisory_xact_lock(" + PG_LOCK_KEY + ")");
                }
                s.execute("CREATE TABLE IF NOT EXISTS SCHEMA_VERSION (VERSION INTEGER NOT NULL PRIMARY KEY, "
                        + "DESCRIPTION VARCHAR(200) NOT NULL, INSTALLED_AT TIMESTAMP WITH TIME ZONE NOT NULL)");
            }
            for (int v = 1; v <= version; v++) {
                String name = NAMES[v - 1];
                try (Statement s = c.createStatement()) {
                    for (String sql : statements(read("/cn/xunjian/store/jdbc/migrations/" + dialect.folder() + "/" + name))) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO SCHEMA_VERSION (VERSION, DESCRIPTION, INSTALLED_AT) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                    p.setInt(1, v);
                    p.setString(2, name.substring(name.indexOf("__") + 2, name.length() - 4));
                    p.executeUpdate();
                }
            }
            c.commit();
        }
    }

    /** Splits a script into statements at semicolons that end a line; drops comment lines. */
    private static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            cur.append(line).append('\n');
            if (t.endsWith(";")) {
                String sql = cur.toString().strip();
                sql = sql.substring(0, sql.length() - 1).strip();
                if (!sql.toUpperCase(Locale.ROOT).equals("COMMIT")) {
                    out.add(sql);
                }
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = OldMigrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
