package cn.xunjian.schedule;

import cn.xunjian.model.Verdict;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.Finding;
import cn.xunjian.model.ProbeRecord;
import cn.xunjian.model.Severity;
import cn.xunjian.internal.Json;
import cn.xunjian.report.SiteReport;
import cn.xunjian.site.SiteFileLoader;
import cn.xunjian.store.SubmittedMessage;
import cn.xunjian.store.jdbc.JdbcResultStore;
import cn.xunjian.store.jdbc.RunStatus;
import cn.xunjian.store.jdbc.StoredRun;
import cn.xunjian.testing.FixtureServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.KeyMatcher;
import org.quartz.listeners.JobListenerSupport;

/**
 * The daemon's rarer jobs — browser probes, the weekly circular, follow-ups, retention — and its alerts, each
 * driven through a real {@link Daemon} on an embedded H2 store in a temporary folder, against fixture sites on
 * 127.0.0.1. Jobs whose cadence is hours or weeks are fired now through their scheduler.
 */
class DaemonJobsIT {
    /** A cron that never fires during a test. */
    private static final String NEVER = "0 0 2 1 1 ? 2099";
    private static final String QUIET_PROBES = "{ \"everySeconds\": 3600, \"browserPerDay\": 0, \"timeoutSeconds\": 3 }";
    private static final String HOME = """
            <html><head><meta charset="utf-8"><title>临江市人民政府</title></head><body>
            <h1>临江市人民政府</h1><p>政务公开 政务服务 互动交流</p>
            <div class="footer">主办：临江市人民政府办公室 网站标识码：3311000001</div></body></html>""";

    @TempDir
    Path dir;
    private FixtureServer web;
    private Daemon daemon;

    @BeforeEach
    void startSite() {
        web = new FixtureServer();
    }

    @AfterEach
    void stopAll() {
        if (daemon != null) {
            daemon.stop(Duration.ofSeconds(15));
        }
        web.close();
    }

    // ---- 1. browser probes

    @Test
    void aBrowserProbeOfAWorkingSiteIsStoredAsABrowserProbeAndAHangingSitesProbeIsStoredAsFailed() throws Exception {
        web.html("/ok/", HOME).hang("/hang/");
        String ok = web.url("/ok/");
        String hang = web.url("/hang/");
        List<ScheduledSite> sites = start(List.of(site("临江市人民政府", ok), site("临江县人民政府", hang)),
                "{ \"everySeconds\": 3600, \"browserEverySeconds\": 3600, \"timeoutSeconds\": 3 }", "");

        JobRun first = trigger(daemon.lightScheduler(), new JobKey(sites.get(0).key(), JobGroups.BROWSER_PROBE));
        JobRun second = trigger(daemon.lightScheduler(), new JobKey(sites.get(1).key(), JobGroups.BROWSER_PROBE));
        assertThat(first.await(Duration.ofSeconds(60))).isNull();
        assertThat(second.await(Duration.ofSeconds(60))).isNull();

        assertThat(probes(ok, "browser")).singleElement().satisfies(p -> {
            assertThat(p.ok()).as(p.reason()).isTrue();
            assertThat(p.status()).isEqualTo(200);
            assertThat(p.url()).isEqualTo(ok);
        });
        assertThat(probes(hang, "browser")).singleElement().satisfies(p -> {
            assertThat(p.ok()).isFalse();
            assertThat(p.status()).isZero();
            assertThat(p.reason()).isEqualTo("超过3秒未打开");
        });
    }

    // ---- 2. the weekly circular

    @Test
    void theWeeklyCircularIsWrittenFromEachSitesLatestCompletedRun() throws Exception {
        web.html("/city/", HOME);
        String url = web.url("/city/");
        List<ScheduledSite> sites = start(List.of(site("临江市人民政府", url)), QUIET_PROBES, "");
        JdbcResultStore results = daemon.services().results();
        Instant now = Instant.now();
        Finding old = new Finding("W-D1", "link.broken", Severity.DEDUCT, url + "old.html", "旧版门户的坏链", List.of());
        results.beginRun(new JdbcResultStore.RunStart("old-run", url, "临江市旧版门户", "9999999999", "test",
                now.minus(Duration.ofDays(3)), dir.resolve("out/runs/old-run")));
        results.completeRun("old-run", now.minus(Duration.ofDays(3)).plusSeconds(60),
                new SiteReport("临江市旧版门户", "9999999999", url, Verdict.FAILED, 40.0, List.of(old)), List.of());

        JobRun audit = trigger(daemon.heavyScheduler(), new JobKey(sites.get(0).key(), JobGroups.AUDIT));
        assertThat(audit.await(Duration.ofSeconds(120))).isNull();
        StoredRun latest = results.latestCompleted(url).orElseThrow();
        assertThat(latest.id()).isNotEqualTo("old-run");
        assertThat(latest.siteName()).isEqualTo("临江市人民政府");

        JobRun circular = trigger(daemon.heavyScheduler(), new JobKey("weekly-circular", JobGroups.BATCH));
        assertThat(circular.await(Duration.ofSeconds(60))).isNull();

        Path circulars = dir.resolve("out/circulars");
        List<Path> written;
        try (Stream<Path> list = Files.list(circulars)) {
            written = list.toList();
        }
        assertThat(written).singleElement().satisfies(d ->
                assertThat(d.getFileName().toString()).matches("\\d{8}-\\d{6}"));
        Path out = written.get(0);
        String md = Files.readString(out.resolve("circular.md"), StandardCharsets.UTF_8);
        String html = Files.readString(out.resolve("circular.html"), StandardCharsets.UTF_8);
        assertThat(md).contains("临江市人民政府").doesNotContain("临江市旧版门户").doesNotContain("9999999999");
        assertThat(html).contains("临江市人民政府").doesNotContain("临江市旧版门户");
        JsonNode report = Json.mapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.path("sites")).hasSize(1);
        JsonNode s = report.path("sites").get(0);
        assertThat(s.path("name").asText()).isEqualTo("临江市人民政府");
        assertThat(s.path("verdict").asText()).isEqualTo(latest.verdict());
        assertThat(s.path("findings")).hasSize(results.findings(latest.id()).size());
        assertThat(s.path("findings").toString()).doesNotContain("旧版门户的坏链");
    }

    // ---- 3. follow-ups of submitted messages

    @Test
    void theFollowUpRecordsTheReplyOfAnAnsweredMessageAndLeavesAnUnansweredOneOpen() throws Exception {
        LocalDate replied = LocalDate.now(ScheduleLoader.ZONE).minusDays(2);
        String repliedText = replied.format(DateTimeFormatter.ISO_LOCAL_DATE);
        web.html("/county/", HOME)
                .html("/county/ask.html", """
                        <html><head><meta charset="utf-8"><title>我要咨询</title></head><body>
                        <p><a href="/county/query.html">信件查询</a></p><form method="post" action="/county/submit">
                        <label>标题 <input name="title"></label><textarea name="content"></textarea>
                        <button type="submit">提交</button></form></body></html>""")
                .html("/county/query.html", """
                        <html><head><meta charset="utf-8"><title>信件查询</title></head><body>
                        <form action="/county/result"><label>查询码 <input name="code"></label><button>查询</button></form>
                        </body></html>""")
                .route("/county/result", ex -> {
                    String q = ex.getRequestURI().getQuery();
                    String body = q != null && q.contains("AB12CD34")
                            ? "信件状态：已答复　答复时间：" + repliedText
                            : "信件状态：办理中";
                    FixtureServer.send(ex, 200, "text/html; charset=utf-8",
                            ("<html><head><meta charset=\"utf-8\"></head><body>" + body + "</body></html>")
                                    .getBytes(StandardCharsets.UTF_8));
                });
        String url = web.url("/county/");
        start(List.of(site("临江县人民政府", url)), QUIET_PROBES, "");
        var messages = daemon.services().messages();
        String submitted = OffsetDateTime.now(ScheduleLoader.ZONE).minusDays(5).withNano(0).toString();
        messages.save(new SubmittedMessage(url, web.url("/county/ask.html"), "AB12CD34", "【测试】供暖问题", submitted, null));
        messages.save(new SubmittedMessage(url, web.url("/county/ask.html"), "EF56GH78", "【测试】医保办理", submitted, null));

        JobRun followUp = trigger(daemon.heavyScheduler(), new JobKey("follow-up", JobGroups.BATCH));
        assertThat(followUp.await(Duration.ofSeconds(90))).isNull();

        assertThat(messages.all()).extracting(SubmittedMessage::queryCode, SubmittedMessage::answeredAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AB12CD34", repliedText + "T00:00:00+08:00"),
                        org.assertj.core.groups.Tuple.tuple("EF56GH78", null));
        assertThat(messages.unanswered()).extracting(SubmittedMessage::queryCode).containsExactly("EF56GH78");
    }

    // ---- 4. retention

    @Test
    void retentionDeletesRunsAndProbesOlderThanTheRetentionDaysWithTheirDirectoriesAndKeepsRecentOnes()
            throws Exception {
        web.html("/town/", HOME);
        String url = web.url("/town/");
        start(List.of(site("临江镇人民政府", url)), QUIET_PROBES, "");
        JdbcResultStore results = daemon.services().results();
        Instant now = Instant.now();
        Path oldDir = storedRun(results, "old-completed", url, now.minus(Duration.ofDays(45)), true);
        Path oldInterruptedDir = storedRun(results, "old-interrupted", url, now.minus(Duration.ofDays(31)), false);
        Path recentDir = storedRun(results, "recent-completed", url, now.minus(Duration.ofDays(29)), true);
        results.recordProbe(url, probe(url, now.minus(Duration.ofDays(40))), "test");
        results.recordProbe(url, probe(url, now.minus(Duration.ofDays(2))), "test");

        JobRun retention = trigger(daemon.lightScheduler(), new JobKey("retention", JobGroups.BATCH));
        assertThat(retention.await(Duration.ofSeconds(30))).isNull();

        assertThat(results.run("old-completed")).isEmpty();
        assertThat(results.run("old-interrupted")).isEmpty();
        assertThat(results.findings("old-completed")).isEmpty();
        assertThat(results.evidence("old-completed")).isEmpty();
        assertThat(oldDir).doesNotExist();
        assertThat(oldInterruptedDir).doesNotExist();
        assertThat(results.run("recent-completed")).hasValueSatisfying(r ->
                assertThat(r.status()).isEqualTo(RunStatus.COMPLETED));
        assertThat(results.findings("recent-completed")).hasSize(1);
        assertThat(results.evidence("recent-completed")).hasSize(1);
        assertThat(recentDir.resolve("home.html")).exists();
        List<ProbeRecord> left = results.probes(url, now.minus(Duration.ofDays(400)), Instant.now().plusSeconds(60));
        assertThat(left).extracting(ProbeRecord::at)
                .noneMatch(at -> OffsetDateTime.parse(at).toInstant().isBefore(now.minus(Duration.ofDays(30))))
                .anyMatch(at -> OffsetDateTime.parse(at).toInstant().isBefore(now.minus(Duration.ofDays(1))));
    }

    /** A run with one finding and one evidence file on disk, started at {@code started}. */
    private Path storedRun(JdbcResultStore results, String id, String url, Instant started, boolean complete)
            throws IOException {
        Path runDir = dir.resolve("out/runs").resolve(id);
        Files.createDirectories(runDir);
        Path file = runDir.resolve("home.html");
        Files.writeString(file, HOME, StandardCharsets.UTF_8);
        results.beginRun(new JdbcResultStore.RunStart(id, url, "临江镇人民政府", null, "test", started, runDir));
        if (complete) {
            Finding f = new Finding("W-D1", "link.broken", Severity.DEDUCT, url + "a.html", "坏链", List.of());
            results.completeRun(id, started.plusSeconds(120), new SiteReport("临江镇人民政府", null, url, Verdict.PASSED, 95.0,
                    List.of(f)), List.of(new cn.xunjian.evidence.ManifestEntry("home.html",
                    cn.xunjian.evidence.Sha256.of(file), Files.size(file), "html", url, started.toString())));
        } else {
            results.interruptRun(id, started.plusSeconds(30), "测试：中断");
        }
        return runDir;
    }

    private static ProbeRecord probe(String url, Instant at) {
        return new ProbeRecord("http", url, 200, 120, true, "", at.atZone(ScheduleLoader.ZONE).toOffsetDateTime().toString());
    }

    // ---- 6. alerts end to end

    @Test
    void threeFailedProbesInARowAlertOneStreakAndTheFirstSuccessAfterItOneRecovery() throws Exception {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", ex -> {
            received.add(Json.mapper().readTree(ex.getRequestBody().readAllBytes()));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
        try {
            AtomicReference<Boolean> failing = new AtomicReference<>(true);
            web.route("/flaky/", ex -> {
                boolean down = failing.get();
                FixtureServer.send(ex, down ? 503 : 200, "text/html; charset=utf-8",
                        (down ? "<html><body>503</body></html>" : HOME).getBytes(StandardCharsets.UTF_8));
            });
            String url = web.url("/flaky/");
            start(List.of(site("临江市人民政府", url)), "{ \"everySeconds\": 1, \"browserPerDay\": 0, \"timeoutSeconds\": 3 }",
                    ", \"alerts\": [ { \"type\": \"json\", \"url\": \"http://127.0.0.1:"
                            + receiver.getAddress().getPort() + "/hook\" } ]");
            Instant from = Instant.now().minusSeconds(5);

            ClusterIT.waitFor(() -> failedProbes(url, from) >= 6 && !received.isEmpty(), Duration.ofSeconds(30));
            failing.set(false);
            Instant healthy = Instant.now();
            ClusterIT.waitFor(() -> received.size() >= 2 && okProbesAfter(url, healthy) >= 3, Duration.ofSeconds(30));
            daemon.stop(Duration.ofSeconds(15)); // sends whatever alerts are still queued, so none can come later

            assertThat(received).extracting(b -> b.path("type").asText()).containsExactly("probe-streak", "recovered");
            assertThat(received).allSatisfy(b -> {
                assertThat(b.path("site").path("name").asText()).isEqualTo("临江市人民政府");
                assertThat(b.path("site").path("url").asText()).isEqualTo(url);
            });
            assertThat(received.get(0).path("failures").asInt()).isEqualTo(3);
            assertThat(received.get(0).path("reason").asText()).contains("503");
            assertThat(received.get(1).path("downtimeSeconds").asLong()).isPositive();
        } finally {
            receiver.stop(0);
        }
    }

    private long failedProbes(String url, Instant from) {
        return daemon.services().results().probes(url, from, Instant.now().plusSeconds(60)).stream()
                .filter(p -> !p.ok()).count();
    }

    private long okProbesAfter(String url, Instant from) {
        return daemon.services().results().probes(url, from, Instant.now().plusSeconds(60)).stream()
                .filter(ProbeRecord::ok).count();
    }

    // ---- 6. sites saved in the web console

    @Test
    void aSiteSavedInTheConsoleGetsItsJobsIsAuditedFromTheDatabaseAndARestartedDaemonKeepsIt() throws Exception {
        web.html("/city/", HOME).html("/county/", HOME.replace("临江市人民政府", "临江县人民政府"));
        String county = web.url("/county/");
        List<ScheduledSite> files = start(List.of(site("临江市人民政府", web.url("/city/"))), QUIET_PROBES, "");
        ScheduledSite saved = daemon.services().sites().save(null, "{ \"name\": \"临江县人民政府\", \"url\": \""
                + county + "\", \"maxPages\": 5 }", "控制台网站“临江县人民政府”", "root", "127.0.0.1", Instant.now());
        daemon.install(saved);

        JobKey probe = new JobKey(saved.key(), JobGroups.PROBE);
        JobKey audit = new JobKey(saved.key(), JobGroups.AUDIT);
        assertThat(daemon.lightScheduler().getJobDetail(probe).getJobDataMap().getString(ProbeJob.SITE_URL))
                .isEqualTo(county);
        assertThat(daemon.lightScheduler().getTriggersOfJob(probe)).hasSize(1);
        assertThat(daemon.heavyScheduler().getTriggersOfJob(audit)).hasSize(1);
        assertThat(daemon.heavyScheduler().checkExists(new JobKey(files.get(0).key(), JobGroups.AUDIT))).isTrue();

        JobRun run = trigger(daemon.heavyScheduler(), audit);
        assertThat(run.await(Duration.ofSeconds(120))).isNull();
        StoredRun latest = daemon.services().results().latestCompleted(county).orElseThrow();
        assertThat(latest.siteName()).isEqualTo("临江县人民政府");
        assertThat(latest.id()).contains(saved.key());

        // an edit changes the probed URL's job data in place, under the same key
        String moved = web.url("/county/index.html");
        ScheduledSite edited = daemon.services().sites().save(saved.key(), "{ \"name\": \"临江县人民政府\", \"url\": \""
                + moved + "\" }", "x", "root", "127.0.0.1", Instant.now());
        daemon.install(edited);
        assertThat(edited.key()).isEqualTo(saved.key());
        assertThat(daemon.lightScheduler().getJobDetail(probe).getJobDataMap().getString(ProbeJob.SITE_URL))
                .isEqualTo(moved);

        daemon.stop(Duration.ofSeconds(15));
        start(List.of(site("临江市人民政府", web.url("/city/"))), QUIET_PROBES, "");
        assertThat(daemon.services().sites().all()).extracting(s -> s.site().url())
                .containsExactly(web.url("/city/"), moved);
        assertThat(daemon.heavyScheduler().checkExists(audit)).as("not removed as 'no longer in the schedule'").isTrue();
        assertThat(daemon.lightScheduler().getJobDetail(probe).getJobDataMap().getString(ProbeJob.SITE_URL))
                .isEqualTo(moved);
    }

    // ---- helpers

    private record SiteSpec(String name, String url) {
    }

    private static SiteSpec site(String name, String url) {
        return new SiteSpec(name, url);
    }

    /** Writes the site files and a schedule whose crons never fire, and starts the daemon on it. */
    private List<ScheduledSite> start(List<SiteSpec> specs, String probes, String extra) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String name = String.format(Locale.ROOT, "site-%d.json", i);
            Files.writeString(dir.resolve(name), "{ \"name\": \"" + specs.get(i).name() + "\", \"url\": \""
                    + specs.get(i).url() + "\" }", StandardCharsets.UTF_8);
            names.add("\"" + name + "\"");
        }
        Path file = dir.resolve("schedule.json");
        Files.writeString(file, """
                { "sites": [%s],
                  "probes": %s,
                  "audit": { "cron": "%s" }, "circular": { "cron": "%s" }, "followUp": { "cron": "%s" },
                  "retention": { "days": 30, "cron": "%s" },
                  "outputDir": "out", "threads": 4, "auditsAtOnce": 1, "loopbackOnly": true%s }
                """.formatted(String.join(", ", names), probes, NEVER, NEVER, NEVER, NEVER, extra),
                StandardCharsets.UTF_8);
        Schedule schedule = new ScheduleLoader(dir.resolve("default-out")).load(file);
        List<ScheduledSite> sites = new ArrayList<>();
        for (Path p : schedule.sites()) {
            sites.add(ScheduledSite.of(p, new SiteFileLoader().load(p)));
        }
        daemon = Daemon.start(schedule, sites, Clock.system(ScheduleLoader.ZONE));
        return sites;
    }

    private List<ProbeRecord> probes(String url, String method) {
        return daemon.services().results().probes(url, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plusSeconds(60)).stream().filter(p -> p.method().equals(method)).toList();
    }

    /** Fires a job now and lets the test wait until that execution has finished. */
    private static JobRun trigger(Scheduler scheduler, JobKey key) throws SchedulerException {
        JobRun run = new JobRun(new CountDownLatch(1), new AtomicReference<>());
        scheduler.getListenerManager().addJobListener(new JobListenerSupport() {
            @Override
            public String getName() {
                return "test-" + key;
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException error) {
                run.error().set(error);
                run.done().countDown();
            }
        }, KeyMatcher.keyEquals(key));
        scheduler.triggerJob(key);
        return run;
    }

    /** One fired execution: finished when {@code done} is zero, with the job's exception if it threw. */
    private record JobRun(CountDownLatch done, AtomicReference<JobExecutionException> error) {
        /** Waits for the execution; fails when it does not finish in time; returns the job's exception or null. */
        JobExecutionException await(Duration max) throws InterruptedException {
            assertThat(done.await(max.toMillis(), TimeUnit.MILLISECONDS)).as("job finished within %s", max).isTrue();
            return error.get();
        }
    }
}
