package cn.xunjian.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbc.JdbcConnection;

/**
 * A pooled connection to the store's database (H2 or PostgreSQL). Quartz's job store and the result store share
 * it. Close it after the scheduler has shut down: readers close the pool ({@link #close()}); the daemon, which owns an embedded database, shuts it down
 * ({@link #shutdown()}).
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final String url;

    private Database(HikariDataSource dataSource, Dialect dialect, String url) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.url = url;
    }

    /**
     * Opens a pool of at most {@code maxConnections} connections.
     *
     * @throws IllegalArgumentException when the URL names a database other than H2 or PostgreSQL
     */
    public static Database open(String url, String user, String password, int maxConnections) {
        Dialect dialect = Dialect.of(url).orElseThrow(() ->
                new IllegalArgumentException("unsupported JDBC URL (only jdbc:h2: and jdbc:postgresql:): " + url));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(1);
        config.setPoolName("xunjian-db");
        config.setAutoCommit(true);
        return new Database(new HikariDataSource(config), dialect, url);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    public String url() {
        return url;
    }

    /** Closes the pool; an embedded H2 database closes with its last connection, unless others are connected. */
    @Override
    public void close() {
        dataSource.close();
    }

    /**
     * Closes the database as its owner: an H2 database that this JVM hosts is shut down ({@code SHUTDOWN}, which also
     * ends the sessions of other processes connected through {@code AUTO_SERVER}), then the pool is closed. An H2
     * database hosted by another process (this pool reaches it through {@code AUTO_SERVER}) and PostgreSQL are left
     * running; only the pool is closed.
     *
     * @throws StoreException when the database cannot be shut down; the pool is closed all the same
     */
    public void shutdown() {
        try {
            if (dialect == Dialect.H2) {
                // a connection of its own: after SHUTDOWN a pooled one would fail on its way back into the pool
                try (Connection c = DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(),
                        dataSource.getPassword())) {
                    if (!c.unwrap(JdbcConnection.class).getSession().isRemote()) {
                        try (Statement s = c.createStatement()) {
                            s.execute("SHUTDOWN");
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        } finally {
            dataSource.close();
        }
    }
}
