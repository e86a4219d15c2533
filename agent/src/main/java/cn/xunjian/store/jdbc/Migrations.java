package cn.xunjian.store.jdbc;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the schema with Flyway from the versioned SQL files of the dialect's folder
 * ({@code migrations/h2/V1__quartz_tables.sql}, {@code V2__results.sql}, …). Flyway keeps the applied versions
 * with their checksums in {@value #HISTORY_TABLE} and locks that table while it migrates, so two nodes of a cluster
 * starting together apply each migration once.
 *
 * <p>A database created before Flyway has the versions it applied in {@code SCHEMA_VERSION} and no Flyway history:
 * Flyway is then baselined at that table's highest version and applies only the newer migrations. The legacy table
 * is left as it is and no longer written.
 */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    /** Flyway's history table (its default name). */
    public static final String HISTORY_TABLE = "flyway_schema_history";
    private static final String LOCATION = "classpath:cn/xunjian/store/jdbc/migrations/";

    /**
     * One migration Flyway has recorded.
     *
     * @param version e.g. {@code "3"}; the baseline row of a legacy database has the legacy version
     * @param type {@code SQL} for an applied script, {@code BASELINE} for the baseline marker
     */
    public record Applied(String version, String description, String type, boolean success) {
    }

    private final DataSource dataSource;
    private final Dialect dialect;

    public Migrations(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /**
     * Applies every migration not yet applied; returns the versions applied now, oldest first.
     *
     * @throws IllegalStateException when a migration fails or an applied script no longer matches its checksum
     */
    public List<String> migrate() {
        boolean hadHistory = SchemaTables.of(dataSource).contains(HISTORY_TABLE);
        try {
            return migrateOnce();
        } catch (FlywayException first) {
            // Flyway reads "no history table" before it takes its lock: when another node created the table in
            // that window, this node's view of the schema was stale. Once the table exists, Flyway's lock orders
            // the nodes, so one more attempt either applies what is left or finds it all applied.
            if (hadHistory || !SchemaTables.of(dataSource).contains(HISTORY_TABLE)) {
                throw new IllegalStateException("database migration failed: " + first.getMessage(), first);
            }
            LOG.info("another node created the schema history while this one started; migrating again under its lock");
            try {
                return migrateOnce();
            } catch (FlywayException e) {
                e.addSuppressed(first);
                throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
            }
        }
    }

    private List<String> migrateOnce() {
        MigrateResult result = flyway().migrate();
        for (var m : result.migrations) {
            LOG.info("database schema migrated to V{} ({})", m.version, m.description);
        }
        return result.migrations.stream().map(m -> m.version).toList();
    }

    /** What Flyway has recorded as applied, in the order it was applied; empty for a database never migrated. */
    public List<Applied> applied() {
        try {
            return Arrays.stream(flyway().info().applied())
                    .map(m -> new Applied(m.getVersion() == null ? "" : m.getVersion().getVersion(), m.getDescription(),
                            m.getType().name(), m.getState().isApplied() && !m.getState().isFailed()))
                    .toList();
        } catch (FlywayException e) {
            throw new IllegalStateException("cannot read the schema history: " + e.getMessage(), e);
        }
    }

    private Flyway flyway() {
        Optional<Integer> legacy = LegacySchemaVersion.highest(dataSource);
        // A schema with tables but no Flyway history is baselined: at the legacy version when the database was
        // built by the old migrations, else at 0 so that every migration still runs (as it did before Flyway).
        // A schema that is empty, or already has a history, gets no baseline: a history table another node has
        // just created, still empty while it applies V1, must be waited for under Flyway's lock, not baselined
        // (Flyway refuses that: "as it already exists, and is empty").
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION + dialect.folder())
                .failOnMissingLocations(true)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(SchemaTables.needBaseline(dataSource, HISTORY_TABLE))
                .baselineVersion(legacy.map(String::valueOf).orElse("0"))
                .baselineDescription(legacy.isPresent() ? LegacySchemaVersion.TABLE + " before Flyway"
                        : "existing schema")
                .load();
    }
}
