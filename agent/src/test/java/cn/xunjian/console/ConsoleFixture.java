package cn.xunjian.console;

import cn.xunjian.console.account.Role;
import cn.xunjian.console.account.SecurityRules;
import cn.xunjian.console.review.RecheckResult;
import cn.xunjian.console.review.RecheckRunner;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.Manifest;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.internal.Json;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.FindingIds;
import cn.xunjian.model.Severity;
import cn.xunjian.report.SiteReport;
import cn.xunjian.schedule.Schedule;
import cn.xunjian.schedule.ScheduleLoader;
import cn.xunjian.schedule.ScheduledSite;
import cn.xunjian.schedule.SiteRegistry;
import cn.xunjian.score.CountedFindings;
import cn.xunjian.score.IndicatorCatalogue;
import cn.xunjian.score.Judgement;
import cn.xunjian.score.Scorer;
import cn.xunjian.site.SiteFileLoader;
import cn.xunjian.store.jdbc.Database;
import cn.xunjian.store.jdbc.JdbcFindingReviews;
import cn.xunjian.store.jdbc.JdbcResultStore;
import cn.xunjian.store.jdbc.JdbcSiteStore;
import cn.xunjian.store.jdbc.Migrations;
import cn.xunjian.testing.FixtureServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * A console on 127.0.0.1 (port 0) over a fresh H2 database, with two scheduled sites whose home pages a fixture
 * server serves (a real 佛山市人民政府 home page, once with a planted hidden gambling link) and audit runs stored the
 * way the daemon stores them. The re-check runner is a real one: it fetches the finding's page again.
 */
final class ConsoleFixture implements AutoCloseable {
    static final String PORTAL_CODE = "3301850031";
    static final String EDU_CODE = "3301850052";
    static final String PASSWORD = "correct-horse-battery";
    static final String GAMBLING = "http://www.am-bet365.example/";

    /** The shipped rules with BCrypt's cheapest cost, so the tests do not spend their time hashing. */
    static final SecurityRules FAST = withCost(SecurityRules.standard(), 4);

    final Path dir;
    final FixtureServer web = new FixtureServer();
    final Database db;
    final Schedule schedule;
    /** The sites whose jobs the console asked the daemon to install, in order. */
    final List<ScheduledSite> installed = new java.util.concurrent.CopyOnWriteArrayList<>();
    ConsoleServices services;
    Console console;
    final JdbcResultStore results;
    final List<ScheduledSite> sites;
    private final AtomicInteger runs = new AtomicInteger();
    private final Clock clock = Clock.systemUTC();
    volatile boolean portalFixed;

    ConsoleFixture(Path dir) throws IOException {
        this(dir, false);
    }

    ConsoleFixture(Path dir, boolean reviewBeforePublish) throws IOException {
        this.dir = dir;
        web.route("/portal/", ex -> FixtureServer.send(ex, 200, "text/html; charset=utf-8",
                resource(portalFixed ? "portal-fixed.html" : "portal-hijacked.html")));
        web.route("/edu/", ex -> FixtureServer.send(ex, 200, "text/html; charset=utf-8",
                resource("portal-fixed.html")));
        Files.writeString(dir.resolve("portal.json"), "{ \"name\": \"临江县人民政府\", \"siteCode\": \"" + PORTAL_CODE
                + "\", \"url\": \"" + web.url("/portal/") + "\" }", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("edu.json"), "{ \"name\": \"临江县教育局\", \"siteCode\": \"" + EDU_CODE
                + "\", \"url\": \"" + web.url("/edu/") + "\" }", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("schedule.json"), "{ \"sites\": [\"portal.json\", \"edu.json\"], "
                + "\"outputDir\": \"out\", \"loopbackOnly\": true, \"console\": { \"listen\": \"127.0.0.1:0\", "
                + "\"reviewBeforePublish\": " + reviewBeforePublish + " } }", StandardCharsets.UTF_8);
        schedule = new ScheduleLoader(dir.resolve("out")).load(dir.resolve("schedule.json"));
        sites = new ArrayList<>();
        for (Path p : schedule.sites()) {
            sites.add(ScheduledSite.of(p, new SiteFileLoader().load(p)));
        }
        db = Database.open(schedule.database().url(), schedule.database().user(), schedule.database().password(), 8);
        new Migrations(db.dataSource(), db.dialect()).migrate();
        results = new JdbcResultStore(db.dataSource());
        startConsole();
    }

    private void startConsole() {
        services = ConsoleServices.create(schedule, new SiteRegistry(sites, new JdbcSiteStore(db.dataSource())),
                installed::add, db.dataSource(), IndicatorCatalogue.standard(), key -> storePortalRun(), clock, FAST);
        console = Console.start(services, recheckRunner(), "127.0.0.1", 0, Duration.ofHours(1));
    }

    /** Stops the console and starts a new one over the same database and site files, as a restart of serve does. */
    void restart() {
        console.close();
        startConsole();
    }

    /** Re-fetches the finding's page from the fixture and looks for the planted link; keeps the page as evidence. */
    RecheckRunner recheckRunner() {
        return request -> {
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(request.finding().url())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Path evidence = dir.resolve("out").resolve("rechecks").resolve(request.id() + "-page.html");
            Files.createDirectories(evidence.getParent());
            Files.writeString(evidence, page.body(), StandardCharsets.UTF_8);
            boolean present = page.body().contains(GAMBLING);
            return new RecheckResult(page.statusCode() != 200 ? RecheckResult.Outcome.UNDETERMINED
                    : present ? RecheckResult.Outcome.PRESENT : RecheckResult.Outcome.GONE,
                    List.of(dir.relativize(evidence).toString()), "HTTP " + page.statusCode());
        };
    }

    ScheduledSite portal() {
        return sites.get(0);
    }

    ScheduledSite edu() {
        return sites.get(1);
    }

    /** A completed run of the portal: the hidden gambling link (veto, with a screenshot and the page source) and a broken link. */
    String storePortalRun() throws IOException {
        ScheduledSite s = portal();
        String url = s.site().url();
        return storeRun(s, (ev, list) -> {
            Evidence shot = ev.screenshot("darklink", png(), url);
            Evidence html = ev.html("darklink-source", resourceText("portal-hijacked.html"), url);
            list.add(Finding.about("W-V1", "darklink.hidden", Severity.VETO, url, GAMBLING,
                    "首页含隐藏的赌博链接“澳门葡京赌场”（" + GAMBLING + "），元素移出屏幕不可见", List.of(shot, html)));
            list.add(Finding.about("W-D1", "link.broken", Severity.DEDUCT, url, url + "xxgk/index.html",
                    "首页链接无法访问（HTTP 404）：" + url + "xxgk/index.html", List.of()));
        });
    }

    String storeEduRun() throws IOException {
        ScheduledSite s = edu();
        String url = s.site().url();
        return storeRun(s, (ev, list) -> list.add(Finding.about("W-D2", "footer.missing", Severity.DEDUCT, url,
                "icp", "页脚未找到ICP备案编号", List.of(ev.screenshot("footer", png(), url)))));
    }

    /**
     * A run of the education bureau's site in which the home page served to Baiduspider differs from the page a
     * normal visitor gets: the evidence HijackCheck writes (the composed pair, each capture on its own, both page
     * sources and the comparison record).
     */
    String storeEduHijackRun() throws IOException {
        ScheduledSite s = edu();
        String url = s.site().url();
        return storeRun(s, (ev, list) -> {
            byte[] normal = png(new java.awt.Color(0x1f, 0x4e, 0x9c));
            byte[] spider = png(new java.awt.Color(0xcf, 0x22, 0x2e));
            List<Evidence> e = new ArrayList<>();
            e.add(ev.screenshot("hijack.spider-side-by-side", png(new java.awt.Color(0x57, 0x60, 0x6a)), url));
            e.add(ev.html("hijack.spider-normal", resourceText("portal-fixed.html"), url));
            e.add(ev.html("hijack.spider-variant", resourceText("portal-hijacked.html"), url));
            e.add(ev.json("http", "hijack.spider-comparison", java.util.Map.of("url", url, "profile", "百度蜘蛛（PC）",
                    "differences", List.of("标题由“临江县教育局”变为“bet365体育在线”")), url));
            e.add(ev.screenshot("hijack.spider" + cn.xunjian.darklink.HijackCheck.CAPTURE_NORMAL, normal, url));
            e.add(ev.screenshot("hijack.spider" + cn.xunjian.darklink.HijackCheck.CAPTURE_VARIANT, spider, url));
            list.add(new Finding("W-V1", "hijack.spider", Severity.VETO, url,
                    "以百度蜘蛛（PC）身份访问时看到的页面与普通访问不同（疑似针对搜索引擎的劫持）：标题由“临江县教育局”变为“bet365体育在线”",
                    e));
        });
    }

    interface Planted {
        void plant(SiteEvidence evidence, List<Finding> findings) throws IOException;
    }

    private String storeRun(ScheduledSite s, Planted planted) throws IOException {
        int n = runs.incrementAndGet();
        Instant started = Instant.parse("2026-11-20T18:00:00Z").plus(Duration.ofHours(n));
        String id = "run-" + n + "-" + s.key();
        Path runDir = dir.resolve("out").resolve("runs").resolve(id);
        results.beginRun(new JdbcResultStore.RunStart(id, s.site().url(), s.site().name(), s.site().siteCode(), "test",
                started, runDir));
        EvidenceStore store = new EvidenceStore(runDir, Clock.fixed(started, ZoneOffset.UTC));
        List<Finding> findings = new ArrayList<>();
        planted.plant(new SiteEvidence(store, "site-01"), findings);
        findings = FindingIds.assign(s.site().url(), findings);
        store.writeManifest();
        Manifest manifest = Json.mapper().readValue(runDir.resolve(EvidenceStore.MANIFEST).toFile(), Manifest.class);
        Scorer scorer = new Scorer(IndicatorCatalogue.standard());
        Judgement j = scorer.judge(CountedFindings.of(s.site().url(), findings, new JdbcFindingReviews(db.dataSource()),
                false));
        results.completeRun(id, started.plusSeconds(60), new SiteReport(s.site().name(), s.site().siteCode(),
                s.site().url(), j.verdict(), j.score(), findings), manifest.files());
        return id;
    }

    void addUser(String name, Role role, String... sites) {
        services.users().add(name, role, List.of(sites), PASSWORD);
    }

    String token(String name) {
        return services.users().newToken(name);
    }

    String base() {
        return "http://127.0.0.1:" + console.port();
    }

    private static byte[] png() {
        return png(new java.awt.Color(0x1f, 0x4e, 0x9c));
    }

    private static byte[] png(java.awt.Color band) {
        BufferedImage img = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new java.awt.Color(0xf3, 0xf4, 0xf6));
        g.fillRect(0, 0, 640, 360);
        g.setColor(band);
        g.fillRect(0, 0, 640, 60);
        g.setColor(new java.awt.Color(0xcf, 0x22, 0x2e));
        g.drawRect(420, 300, 200, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] resource(String name) throws IOException {
        try (var in = ConsoleFixture.class.getResourceAsStream("/console/" + name)) {
            return in.readAllBytes();
        }
    }

    static String resourceText(String name) throws IOException {
        return new String(resource(name), StandardCharsets.UTF_8);
    }

    String findingId(String kind) {
        return results.latestCompleted(portal().site().url()).map(r -> results.findings(r.id())).orElseThrow()
                .stream().filter(f -> f.kind().equals(kind)).findFirst().orElseThrow().id();
    }

    @Override
    public void close() {
        console.close();
        db.close();
        web.close();
    }

    static SecurityRules withCost(SecurityRules r, int cost) {
        return new SecurityRules(r.sessionMinutes(), r.accountFailures(), r.lockMinutes(), r.addressFailures(),
                r.addressWindowMinutes(), r.minPasswordLength(), cost);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
