package cn.xunjian.store.jdbc;

import cn.xunjian.internal.RuleFiles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the schema with versioned SQL files ({@code V1__quartz_tables.sql}, {@code V2__results.sql},
 * …) listed in {@code migrations/index.txt}, one folder per dialect. Applied versions are kept in
 * {@code SCHEMA_VERSION}; each migration and its version row commit together (on PostgreSQL, DDL is transactional;
 * an advisory lock keeps two nodes from migrating at once).
 */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final String BASE = "/cn/xunjian/store/jdbc/migrations/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");
    private static final long PG_LOCK_KEY = 0x78756e6a69616eL;

    /** One versioned migration file. */
    public record Migration(int version, String description, String resource) {
    }

    private final DataSource dataSource;
    private final Dialect dialect;

    public Migrations(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** The migrations of this dialect, in version order. */
    public List<Migration> available() {
        List<Migration> out = new ArrayList<>();
        for (String line : read(BASE + "index.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException("bad migration name in index.txt: " + name);
            }
            out.add(new Migration(Integer.parseInt(m.group(1)), m.group(2), BASE + dialect.folder() + "/" + name));
        }
        return out;
    }

    /** Applies every migration not yet applied; returns the versions applied now. */
    public synchronized List<Integer> migrate() {
        List<Integer> applied = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (dialect == Dialect.POSTGRESQL) {
                    s.execute("SELECT pg_advisory_xact_lock(" + PG_LOCK_KEY + ")");
                }
                s.execute("CREATE TABLE IF NOT EXISTS SCHEMA_VERSION (VERSION INTEGER NOT NULL PRIMARY KEY, "
                        + "DESCRIPTION VARCHAR(200) NOT NULL, INSTALLED_AT TIMESTAMP WITH TIME ZONE NOT NULL)");
            }
            int current = currentVersion(c);
            for (Migration m : available()) {
                if (m.version() <= current) {
                    continue;
                }
                LOG.info("migrating database schema to V{} ({})", m.version(), m.description());
                try (Statement s = c.createStatement()) {
                    for (String sql : statements(read(m.resource()))) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO SCHEMA_VERSION (VERSION, DESCRIPTION, INSTALLED_AT) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                    p.setInt(1, m.version());
                    p.setString(2, m.description());
                    p.executeUpdate();
                }
                applied.add(m.version());
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
        }
        return applied;
    }

    /** The highest applied version, 0 for an empty database. */
    public int currentVersion() {
        try (Connection c = dataSource.getConnection()) {
            return currentVersion(c);
        } catch (SQLException e) {
            return 0;
        }
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(VERSION), 0) FROM SCHEMA_VERSION")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Splits a script into statements at semicolons that end a line; drops comment lines. */
    static List<String> statements(String script) {
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
        return RuleFiles.text(Migrations.class, resource);
    }
}
