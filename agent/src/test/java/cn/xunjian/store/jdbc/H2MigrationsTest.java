package cn.xunjian.store.jdbc;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The migration scenarios on embedded H2 files, the store's default. */
class H2MigrationsTest extends MigrationScenarios {
    @TempDir
    Path dir;
    private final AtomicInteger databases = new AtomicInteger();

    @Override
    String newDatabaseUrl() {
        return "jdbc:h2:file:" + dir.resolve("db-" + databases.incrementAndGet());
    }

    @Override
    String user() {
        return "sa";
    }
}
