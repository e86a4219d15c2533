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
import org.junit.jupiter.api.Test;

/**
 * The migration scenarios on a real PostgreSQL (one new database per test), and two cluster nodes migrating the
 * same database at the same moment, as they do when a cluster starts together.
 */
class PostgresMigrationsIT extends MigrationScenarios {
    private static EmbeddedPostgres pg;
    private static final AtomicInteger DATABASES = new AtomicInteger();

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

    @Test
    void twoNodesMigratingANewDatabaseAtOnceApplyEachMigrationOnce() throws Exception {
        String url = newDatabaseUrl();
        Database a = open(url);
        Database b = open(url);

        List<List<String>> applied = migrateAtOnce(a, b);

        List<String> all = new ArrayList<>(applied.get(0));
        all.addAll(applied.get(1));
        assertThat(all).containsExactlyInAnyOrder("1", "2", "3", "4");
        assertThat(new Migrations(a.dataSource(), a.dialect()).applied()).extracting(Migrations.Applied::version)
                .containsExactly("1", "2", "3", "4");
        assertThat(new Migrations(a.dataSource(), a.dialect()).applied()).allMatch(Migrations.Applied::success);
    }

    @Test
    void twoNodesUpgradingALegacyDatabaseAtOnceBaselineItOnceAndApplyTheNewerMigrationsOnce() throws Exception {
        String url = newDatabaseUrl();
        Database a = open(url);
        Database b = open(url);
        OldMigrations.migrateTo(a.dataSource(), a.dialect(), 2);
        storeARunOfTheV2Schema(a);

        List<List<String>> applied = migrateAtOnce(a, b);

        List<String> all = new ArrayList<>(applied.get(0));
        all.addAll(applied.get(1));
        assertThat(all).containsExactly("3", "4");
        assertThat(new Migrations(b.dataSource(), b.dialect()).applied()).containsExactly(
                new Migrations.Applied("2", "SCHEMA_VERSION before Flyway", "BASELINE", true),
                new Migrations.Applied("3", "finding ids", "SQL", true),
                new Migrations.Applied("4", "accounts", "SQL", true));
        assertThat(new JdbcResultStore(b.dataSource()).run("old-run")).isPresent();
    }

    /** Both nodes call migrate() released by one barrier; returns what each applied. */
    private static List<List<String>> migrateAtOnce(Database a, Database b) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (Database db : List.of(a, b)) {
                Callable<List<String>> node = () -> {
                    together.await(30, TimeUnit.SECONDS);
                    return new Migrations(db.dataSource(), db.dialect()).migrate();
                };
                results.add(nodes.submit(node));
            }
            return List.of(results.get(0).get(120, TimeUnit.SECONDS), results.get(1).get(120, TimeUnit.SECONDS));
        } finally {
            nodes.shutdownNow();
        }
    }
}
