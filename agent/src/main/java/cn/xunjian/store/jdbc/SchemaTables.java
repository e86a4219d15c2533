package cn.xunjian.store.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/** The tables of the connection's default schema, read in one metadata query. */
final class SchemaTables {
    private SchemaTables() {
    }

    /**
     * Whether Flyway has to baseline the schema: it has tables of its own but no history table. A new, empty schema
     * and a schema with a history (complete, or being written by another node at this moment) need none.
     */
    static boolean needBaseline(DataSource dataSource, String historyTable) {
        Set<String> tables = of(dataSource);
        return !tables.isEmpty() && !tables.contains(historyTable.toLowerCase(Locale.ROOT));
    }

    /** Names of the schema's tables, lower case. */
    static Set<String> of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            Set<String> names = new HashSet<>();
            try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the tables of the database: " + e.getMessage(), e);
        }
    }
}
