package cn.xunjian.console.account;

import cn.xunjian.store.jdbc.Connections;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** Connection handling shared by the console's tables; SQL errors become {@link ConsoleStoreException}. */
public final class Jdbc {
    private final Connections connections;

    public Jdbc(DataSource ds) {
        this.connections = new Connections(ds, ConsoleStoreException::new);
    }

    public <T> T sql(Connections.Work<T> work) {
        return connections.sql(work);
    }

    public <T> T tx(Connections.Work<T> work) {
        return connections.tx(work);
    }

    public static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
