package cn.xunjian.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * A pooled connection to the store's database (H2 or PostgreSQL). Quartz's job store and the result store share
 * it. Close it after the scheduler has shut down.
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

    @Override
    public void close() {
        dataSource.close();
    }
}
