package cn.xunjian.store.jdbc;

import java.sql.SQLException;

/** A database error of the store, unchecked so jobs can let it reach Quartz's logging. */
public final class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super("database error: " + cause.getMessage(), cause);
    }
}
