package cn.xunjian.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The migration scenarios on a real PostgreSQL (one new database per test), and two cluster nodes migrating the
 * same database at the same moment, as they do when a cluster starts together.
 */
class PostgresMigrationsIT extends MigrationScenarios {
    private static EmbeddedPostgres pg;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final int NODES = 6;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Override
    String newDatabaseUrl() throws Exception {
        String name = "migrations_" + DATABASES.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    @Override
    String user() {
        return "postgres";
    }

    /**
     * Six nodes on a new database, released together, ten times. The race this guards against is a window: Flyway
     * decides how to treat a database without a history table before it takes its lock, so a node could read the
     * table as absent, then find the schema made non-empty by the node that had just created it, try to baseline
     * it and fail ("as it already exists, and is empty"). CI met it once with two nodes; six nodes met it in about
     * one start in three before {@link Migrations} handled it.
     */
    @RepeatedTest(10)
    void nodesMigratingANewDatabaseAtOnceApplyEachMigrationOnce() throws Exception {
        String url = newDatabaseUrl();
        List<Database> nodes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            nodes.add(open(url));
        }

        List<List<String>> applied = migrateAtOnce(nodes);

        assertThat(applied.stream().flatMap(List::stream)).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6");
        Database a = nodes.get(0);
        assertThat(new Migrations(a.dataSource(), a.dialect()).applied()).extracting(Migrations.Applied::version)
                .containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(new Migrations(a.dataSource(), a.dialect()).applied()).allMatch(Migrations.Applied::success);
    }

    @RepeatedTest(5)
    void nodesUpgradingALegacyDatabaseAtOnceBaselineItOnceAndApplyTheNewerMigrationsOnce() throws Exception {
        String url = newDatabaseUrl();
        List<Database> nodes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            nodes.add(open(url));
        }
        Database a = nodes.get(0);
        OldMigrations.migrateTo(a.dataSource(), a.dialect(), 2);
        storeARunOfTheV2Schema(a);

        List<List<String>> applied = migrateAtOnce(nodes);

        // Flyway takes its lock per migration, so one node may apply V3 and another V4; the history keeps the order
        assertThat(applied.stream().flatMap(List::stream)).containsExactlyInAnyOrder("3", "4", "5", "6");
        Database b = nodes.get(1);
        assertThat(new Migrations(b.dataSource(), b.dialect()).applied()).containsExactly(
                new Migrations.Applied("2", "SCHEMA_VERSION before Flyway", "BASELINE", true),
                new Migrations.Applied("3", "finding ids", "SQL", true),
                new Migrations.Applied("4", "accounts", "SQL", true),
                new Migrations.Applied("5", "console", "SQL", true),
                new Migrations.Applied("6", "console sites", "SQL", true));
        assertThat(new JdbcResultStore(b.dataSource()).run("old-run")).isPresent();
    }

    /** Every node calls migrate() released by one barrier; returns what each applied. */
    private static List<List<String>> migrateAtOnce(List<Database> nodes) throws Exception {
        CyclicBarrier together = new CyclicBarrier(nodes.size());
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (Database db : nodes) {
                Callable<List<String>> node = () -> {
                    together.await(30, TimeUnit.SECONDS);
                    return new Migrations(db.dataSource(), db.dialect()).migrate();
                };
                results.add(pool.submit(node));
            }
            List<List<String>> applied = new ArrayList<>();
            for (Future<List<String>> result : results) {
                applied.add(result.get(120, TimeUnit.SECONDS));
            }
            return applied;
        } finally {
            pool.shutdownNow();
        }
    }
}
