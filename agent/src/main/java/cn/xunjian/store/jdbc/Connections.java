package cn.xunjian.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * One connection per piece of work, and a transaction when asked: what every store on the shared database does,
 * with its SQL errors turned into that store's own unchecked exception.
 */
public final class Connections {
    /** Work on one connection. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource ds;
    private final Function<SQLException, ? extends RuntimeException> failure;

    public Connections(DataSource ds, Function<SQLException, ? extends RuntimeException> failure) {
        this.ds = ds;
        this.failure = failure;
    }

    public <T> T sql(Work<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    /** {@code work} in one transaction, rolled back when it throws. */
    public <T> T tx(Work<T> work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                T out = work.run(c);
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }
}
