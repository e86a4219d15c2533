package cn.xunjian.store.jdbc;

import java.util.Locale;

/** The databases the store runs on, chosen from the JDBC URL. */
public enum Dialect {
    /** Embedded H2 (single machine, the default). */
    H2("h2", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate"),
    /** PostgreSQL (single machine or a cluster). */
    POSTGRESQL("postgresql", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");

    private final String folder;
    private final String quartzDelegate;

    Dialect(String folder, String quartzDelegate) {
        this.folder = folder;
        this.quartzDelegate = quartzDelegate;
    }

    /** The dialect of a JDBC URL, or empty for a database the store does not support. */
    public static java.util.Optional<Dialect> of(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return java.util.Optional.of(H2);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return java.util.Optional.of(POSTGRESQL);
        }
        return java.util.Optional.empty();
    }

    /** Folder of this dialect's migrations under {@code cn/xunjian/store/jdbc/migrations/}. */
    public String folder() {
        return folder;
    }

    /** The Quartz driver delegate class for this database. */
    public String quartzDelegate() {
        return quartzDelegate;
    }
}
