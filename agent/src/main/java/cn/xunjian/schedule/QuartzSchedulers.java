package cn.xunjian.schedule;

import cn.xunjian.store.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Builds Quartz schedulers on the store's database: {@code JobStoreTX} with the dialect's delegate, clustered on
 * PostgreSQL, over the store's own connection pool. Several schedulers (and several cluster nodes in one JVM, as
 * the tests run them) can coexist because each is taken out of Quartz's per-name registry once built.
 */
final class QuartzSchedulers {
    private QuartzSchedulers() {
    }

    /**
     * How to build one scheduler.
     *
     * @param name the scheduler name; cluster members share it
     * @param instanceId this node's id, {@code AUTO} for a generated one
     * @param clustered take part in a Quartz cluster (needs a shared database)
     * @param checkinInterval cluster check-in interval
     * @param threads worker threads
     * @param misfireThreshold how late a trigger may fire before its misfire instruction applies instead
     */
    public record Spec(String name, String instanceId, boolean clustered, Duration checkinInterval, int threads,
                       Duration misfireThreshold) {
    }

    /** Creates a scheduler (not started). */
    public static Scheduler create(Database db, Spec spec) throws SchedulerException {
        String dsName = "xunjian-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dsName, new PoolProvider(db));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", spec.name());
        p.setProperty("org.quartz.scheduler.instanceId", spec.instanceId());
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.jmx.export", "false");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(spec.threads()));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", spec.name() + "-worker");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", db.dialect().quartzDelegate());
        p.setProperty("org.quartz.jobStore.dataSource", dsName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(spec.misfireThreshold().toMillis()));
        p.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(spec.clustered()));
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(spec.checkinInterval().toMillis()));
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        // Spreading over a cluster: a node acquires at most min(free worker threads, this count) triggers per pass
        // and only those due before it next wakes (no fire-ahead window), so a node holds no more audits than it can
        // run at once and everything else stays in the table for whichever node frees a thread first.
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount",
                Integer.toString(Math.max(1, spec.threads())));
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow", "0");
        StdSchedulerFactory factory = new StdSchedulerFactory(p);
        Scheduler scheduler = factory.getScheduler();
        SchedulerRepository.getInstance().remove(spec.name());
        return scheduler;
    }

    /** A lower-case, Quartz-safe name. */
    static String safe(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    }

    /** Hands Quartz connections from the store's pool. */
    private static final class PoolProvider implements ConnectionProvider {
        private final Database db;

        PoolProvider(Database db) {
            this.db = db;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return db.dataSource().getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to the store and is closed by whoever opened it
        }

        @Override
        public void initialize() {
        }
    }
}
