package cn.xunjian.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xunjian.site.SiteFileLoader;
import cn.xunjian.store.jdbc.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.spi.OperableTrigger;
import org.quartz.spi.TriggerFiredBundle;

/** The job factory builds each of the daemon's jobs from the services, and nothing else. */
class ServeJobFactoryTest {
    @TempDir
    Path dir;
    private Database db;
    private ServeJobFactory factory;

    @BeforeEach
    void services() throws Exception {
        Files.writeString(dir.resolve("site.json"), "{ \"name\": \"测试站\", \"url\": \"http://127.0.0.1:9/\" }",
                StandardCharsets.UTF_8);
        Path file = dir.resolve("schedule.json");
        Files.writeString(file, "{ \"sites\": [\"site.json\"], \"loopbackOnly\": true }", StandardCharsets.UTF_8);
        Schedule schedule = new ScheduleLoader(dir.resolve("out")).load(file);
        ScheduledSite site = ScheduledSite.of(schedule.sites().get(0), new SiteFileLoader().load(schedule.sites().get(0)));
        db = Database.open("jdbc:h2:mem:factory-test", "sa", "", 2);
        new cn.xunjian.store.jdbc.Migrations(db.dataSource(), db.dialect()).migrate();
        Clock clock = Clock.fixed(Instant.parse("2026-11-20T18:00:00Z"), ZoneOffset.UTC);
        factory = new ServeJobFactory(ServeServicesFactory.create(schedule, List.of(site), db, clock, "node-1"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyJobTheScheduleInstallsIsBuiltWithItsServices() throws Exception {
        for (Class<? extends Job> type : List.of(ProbeJob.class, BrowserProbeJob.class, AuditJob.class,
                CircularJob.class, FollowUpJob.class, RetentionJob.class)) {
            assertThat(factory.newJob(fired(type), null)).as(type.getSimpleName()).isExactlyInstanceOf(type);
        }
    }

    @Test
    void aJobTypeTheDaemonDoesNotHaveIsRefusedWithItsName() {
        assertThatThrownBy(() -> factory.newJob(fired(StrangerJob.class), null))
                .isInstanceOf(SchedulerException.class).hasMessageContaining(StrangerJob.class.getName());
    }

    /** A job of no daemon type. */
    public static final class StrangerJob implements Job {
        @Override
        public void execute(org.quartz.JobExecutionContext context) {
        }
    }

    private static TriggerFiredBundle fired(Class<? extends Job> type) {
        JobDetail job = JobBuilder.newJob(type).withIdentity("x", "test").build();
        OperableTrigger trigger = (OperableTrigger) TriggerBuilder.newTrigger().withIdentity("x", "test").forJob(job)
                .build();
        Date now = new Date();
        return new TriggerFiredBundle(job, trigger, null, false, now, now, null, null);
    }
}
