package cn.xunjian.console.account;

import java.sql.SQLException;

/** The console's database could not be used (down, unreachable, timed out); pages show a plain notice instead. */
public final class ConsoleStoreException extends RuntimeException {
    public ConsoleStoreException(SQLException cause) {
        super("database error: " + cause.getMessage(), cause);
    }
}
