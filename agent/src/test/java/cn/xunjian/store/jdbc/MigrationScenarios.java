package cn.xunjian.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.Finding;
import cn.xunjian.model.ProbeRecord;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the Flyway migrations must do on every database the store runs on: a new database gets every migration, a
 * database the old migrations built is baselined at its {@code SCHEMA_VERSION} and gets only the newer ones with
 * its data intact, and migrating again changes nothing. Each dialect runs these on a real database of its own.
 */
abstract class MigrationScenarios {
    private static final String SITE = "http://127.0.0.1:1/";
    private final List<Database> opened = new ArrayList<>();

    /** The JDBC URL of a new, empty database. */
    abstract String newDatabaseUrl() throws Exception;

    abstract String user();

    /** A pool on the database at {@code url}, closed after the test. */
    Database open(String url) {
        Database db = Database.open(url, user(), "", 4);
        opened.add(db);
        return db;
    }

    @AfterEach
    void closeDatabases() {
        opened.forEach(Database::close);
    }

    @Test
    void aNewDatabaseGetsEveryMigrationInOrderAndNoBaseline() throws Exception {
        Database db = open(newDatabaseUrl());
        Migrations migrations = new Migrations(db.dataSource(), db.dialect());

        assertThat(migrations.migrate()).containsExactly("1", "2", "3", "4", "5", "6");

        assertThat(migrations.applied()).containsExactly(
                new Migrations.Applied("1", "quartz tables", "SQL", true),
                new Migrations.Applied("2", "results", "SQL", true),
                new Migrations.Applied("3", "finding ids", "SQL", true),
                new Migrations.Applied("4", "accounts", "SQL", true),
                new Migrations.Applied("5", "console", "SQL", true),
                new Migrations.Applied("6", "console sites", "SQL", true));
        assertThat(hasTable(db, "QRTZ_TRIGGERS")).isTrue();
        assertThat(hasTable(db, "XJ_ACCOUNTS")).isTrue();
        assertThat(hasTable(db, "XJ_USERS")).isTrue();
        assertThat(hasTable(db, "XJ_REVIEW_HISTORY")).isTrue();
        assertThat(hasTable(db, "XJ_SITES")).isTrue();
        assertThat(hasTable(db, "XJ_RUNS")).isTrue();
        assertThat(hasColumn(db, "XJ_FINDINGS", "FINDING_ID")).isTrue();
        assertThat(hasTable(db, "SCHEMA_VERSION")).as("the legacy table is not created any more").isFalse();
    }

    @Test
    void migratingAnUpToDateDatabaseAgainAppliesNothingAndRecordsNothing() throws Exception {
        Database db = open(newDatabaseUrl());
        new Migrations(db.dataSource(), db.dialect()).migrate();
        List<Migrations.Applied> before = new Migrations(db.dataSource(), db.dialect()).applied();

        assertThat(new Migrations(db.dataSource(), db.dialect()).migrate()).isEmpty();
        assertThat(new Migrations(db.dataSource(), db.dialect()).migrate()).isEmpty();

        assertThat(new Migrations(db.dataSource(), db.dialect()).applied()).isEqualTo(before).hasSize(6);
    }

    @Test
    void aDatabaseTheOldMigrationsLeftAtV2IsBaselinedThereGetsTheNewerOnesAndKeepsItsData() throws Exception {
        Database db = open(newDatabaseUrl());
        OldMigrations.migrateTo(db.dataSource(), db.dialect(), 2);
        storeARunOfTheV2Schema(db);

        Migrations migrations = new Migrations(db.dataSource(), db.dialect());
        assertThat(migrations.migrate()).containsExactly("3", "4", "5", "6");

        assertThat(migrations.applied()).containsExactly(
                new Migrations.Applied("2", "SCHEMA_VERSION before Flyway", "BASELINE", true),
                new Migrations.Applied("3", "finding ids", "SQL", true),
                new Migrations.Applied("4", "accounts", "SQL", true),
                new Migrations.Applied("5", "console", "SQL", true),
                new Migrations.Applied("6", "console sites", "SQL", true));
        JdbcResultStore store = new JdbcResultStore(db.dataSource());
        StoredRun run = store.run("old-run").orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.verdict()).isEqualTo("不合格");
        assertThat(store.findings("old-run")).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("栏目空白");
            assertThat(f.id()).as("written before finding ids existed").isNull();
        });
        assertThat(store.probes(SITE, Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-21T00:00:00Z")))
                .extracting(ProbeRecord::status).containsExactly(200);
        assertThat(legacyVersions(db)).as("the legacy table is left as it was").containsExactly(1, 2);
        // the upgraded schema takes the rows of today's code
        store.beginRun(new JdbcResultStore.RunStart("new-run", SITE, "临江市人民政府", null, "n1",
                Instant.parse("2026-11-21T18:00:00Z"), java.nio.file.Path.of("runs/new-run")));
        assertThat(store.run("new-run")).isPresent();
    }

    @Test
    void aDatabaseTheOldMigrationsBroughtToV3IsBaselinedThereAndGetsOnlyV4() throws Exception {
        Database db = open(newDatabaseUrl());
        OldMigrations.migrateTo(db.dataSource(), db.dialect(), 3);

        Migrations migrations = new Migrations(db.dataSource(), db.dialect());
        assertThat(migrations.migrate()).containsExactly("4", "5", "6");

        assertThat(migrations.applied()).containsExactly(
                new Migrations.Applied("3", "SCHEMA_VERSION before Flyway", "BASELINE", true),
                new Migrations.Applied("4", "accounts", "SQL", true),
                new Migrations.Applied("5", "console", "SQL", true),
                new Migrations.Applied("6", "console sites", "SQL", true));
        assertThat(migrations.migrate()).isEmpty();
    }

    @Test
    void aSchemaWithOtherTablesButNoHistoryStillGetsEveryMigration() throws Exception {
        Database db = open(newDatabaseUrl());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE SOMEONE_ELSES (X INTEGER)");
        }

        Migrations migrations = new Migrations(db.dataSource(), db.dialect());
        assertThat(migrations.migrate()).containsExactly("1", "2", "3", "4", "5", "6");

        assertThat(migrations.applied()).extracting(Migrations.Applied::version, Migrations.Applied::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("0", "BASELINE"),
                        org.assertj.core.groups.Tuple.tuple("1", "SQL"), org.assertj.core.groups.Tuple.tuple("2", "SQL"),
                        org.assertj.core.groups.Tuple.tuple("3", "SQL"), org.assertj.core.groups.Tuple.tuple("4", "SQL"),
                        org.assertj.core.groups.Tuple.tuple("5", "SQL"), org.assertj.core.groups.Tuple.tuple("6", "SQL"));
        assertThat(hasTable(db, "SOMEONE_ELSES")).isTrue();
    }

    /** A completed run with one finding and a probe, written with the columns of V2 (no finding id). */
    static void storeARunOfTheV2Schema(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO XJ_RUNS (ID, SITE_URL, SITE_NAME, SITE_CODE, NODE, STARTED_AT, FINISHED_AT, "
                    + "STATUS, RUN_DIR, VERDICT, SCORE, DETAIL) VALUES ('old-run', '" + SITE + "', '临江市人民政府', NULL, "
                    + "'n1', TIMESTAMP WITH TIME ZONE '2026-11-20 18:00:00+00', "
                    + "TIMESTAMP WITH TIME ZONE '2026-11-20 18:05:00+00', 'completed', 'runs/old-run', '不合格', 40.0, NULL)");
            s.executeUpdate("INSERT INTO XJ_FINDINGS (RUN_ID, SEQ, INDICATOR, KIND, SEVERITY, URL, MESSAGE) VALUES "
                    + "('old-run', 0, 'W-V4', 'column.blank', 'veto', '" + SITE + "col/', '栏目空白')");
            s.executeUpdate("INSERT INTO XJ_PROBES (SITE_URL, METHOD, URL, STATUS, MILLIS, OK, REASON, PROBED_AT, "
                    + "AT_TEXT, NODE) VALUES ('" + SITE + "', 'http', '" + SITE + "', 200, 12, TRUE, '', "
                    + "TIMESTAMP WITH TIME ZONE '2026-11-20 02:00:00+00', '2026-11-20T10:00:00+08:00', 'n1')");
        }
    }

    static List<Integer> legacyVersions(Database db) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT VERSION FROM SCHEMA_VERSION ORDER BY VERSION")) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }

    static boolean hasTable(Database db, String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), name(meta, table), null)) {
                return rs.next();
            }
        }
    }

    static boolean hasColumn(Database db, String table, String column) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), name(meta, table), name(meta, column))) {
                return rs.next();
            }
        }
    }

    private static String name(DatabaseMetaData meta, String upper) throws SQLException {
        return meta.storesLowerCaseIdentifiers() ? upper.toLowerCase(Locale.ROOT) : upper;
    }
}
