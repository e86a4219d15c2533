package cn.xunjian.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.net.NetworkScope;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Timings;
import cn.xunjian.model.Severity;
import cn.xunjian.model.Evidence;
import cn.xunjian.evidence.DemoTimestampAuthority;
import cn.xunjian.evidence.EvidenceSettings;
import cn.xunjian.evidence.EvidenceVerifier;
import cn.xunjian.evidence.ManifestVerifier;
import cn.xunjian.evidence.SigningKeys;
import cn.xunjian.evidence.WaczVerifier;
import cn.xunjian.report.Report;
import cn.xunjian.report.SiteReport;
import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.FixtureServer;
import cn.xunjian.testing.ReaderBrowser;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real audit (Chromium, HTTP, Tesseract, ZXing) of three fixture sites, then assertions on every output. */
class AuditIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path run;
    @TempDir
    static Path keys;
    private static FixtureServer server;
    private static Report report;

    @BeforeAll
    static void audit() throws Exception {
        server = new FixtureServer().hang("/hang/").status("/flawed/report.pdf", 500);
        List<SiteFile> sites = List.of(
                new SiteFile("清河镇人民政府", "3301850101", server.url("/clean/index.html"), "township", null, null, null, null),
                new SiteFile("沙湾镇人民政府", "3301850303", server.url("/hang/"), "township", null, null, null, null),
                new SiteFile("白沙乡人民政府", "3301850202", server.url("/flawed/index.html"), "township", null, null, null, null));
        AuditSettings settings = AuditSettings.standard(NetworkScope.LOOPBACK_ONLY);
        settings = settings.withAvailabilityTimeout(3);
        try (DemoTimestampAuthority tsa = DemoTimestampAuthority.start(CLOCK)) {
            settings = settings.withEvidence(EvidenceSettings.standard().withKeyDir(keys).withTsa(tsa.config()));
            report = new Auditor(settings, CLOCK).audit(sites, run, Auditor.ProgressListener.NONE);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static SiteReport site(String name) {
        return report.sites().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> kinds(SiteReport site) {
        return site.findings().stream().map(Finding::kind).toList();
    }

    @Test
    void theEvidenceAndTheWholeRunAreSignedAndStampedAndVerifyOffline() throws IOException {
        assertThat(run.resolve("evidence-manifest.p7s")).exists();
        assertThat(run.resolve("evidence-manifest.tsr")).exists();
        assertThat(run.resolve("manifest.p7s")).exists();
        assertThat(run.resolve("manifest.tsr")).exists();
        String manifest = Files.readString(run.resolve("manifest.json"), StandardCharsets.UTF_8);
        assertThat(manifest).contains("\"path\" : \"evidence-manifest.json\"").contains("\"path\" : \"evidence-manifest.tsr\"")
                .contains("\"path\" : \"report.html\"").contains("\"timestamp\" : \"manifest.tsr\"");
        EvidenceVerifier.Verification v = new EvidenceVerifier(keys.resolve(SigningKeys.KEY_FILE), null).verify(run);
        assertThat(v.problems()).isEmpty();
        assertThat(v.reports().stream().flatMap(r -> r.facts().stream()))
                .anyMatch(f -> f.startsWith("盖时间戳：2026-11-22T02:00:00+08:00"));
    }

    @Test
    void theCaptureEnvironmentIsRecordedAndSealedWithTheEvidence() throws IOException {
        String env = Files.readString(run.resolve("environment.json"), StandardCharsets.UTF_8);
        assertThat(env).contains("\"chromium\" : \"1").contains("\"host\" : \"127.0.0.1\"")
                .contains("\"addresses\" : [ \"127.0.0.1\" ]").contains("\"viewport\" : \"1366×900 @1x\"");
        assertThat(Files.readString(run.resolve("evidence-manifest.json"), StandardCharsets.UTF_8))
                .contains("\"path\" : \"environment.json\"").doesNotContain("report.html");
    }

    @Test
    void reportHtmlShowsEachFindingsCaptureTimeAndSealState() throws IOException {
        String html = Files.readString(run.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("采集时间 2026-11-22T02:00:00+08:00")
                .contains("核验状态：已签名（密钥 ").contains("已加盖时间戳 2026-11-22T02:00:00+08:00");
    }

    @Test
    void aCleanSitePassesWithFullMarksAndNoProblemFindings() {
        SiteReport clean = site("清河镇人民政府");
        assertThat(clean.verdict().label()).isEqualTo("合格");
        assertThat(clean.score()).isEqualTo(100.0);
        assertThat(clean.findings()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(kinds(clean)).contains("availability.ok").doesNotContain("link.broken.home");
    }

    @Test
    void aHangingSiteIsAnAvailabilityVetoAndTheNextSiteIsStillAudited() {
        SiteReport hanging = site("沙湾镇人民政府");
        assertThat(hanging.verdict().label()).isEqualTo("不合格");
        assertThat(hanging.score()).isNull();
        assertThat(hanging.findings()).filteredOn(f -> f.kind().equals("availability.failed")).hasSize(2)
                .allSatisfy(f -> {
                    assertThat(f.indicator()).isEqualTo("W-V2");
                    assertThat(f.severity()).isEqualTo(Severity.VETO);
                    assertThat(f.message()).contains("超过3秒");
                });
        assertThat(report.sites()).last().extracting(SiteReport::name).isEqualTo("白沙乡人民政府");
    }

    @Test
    void plantedFooterAndLinkProblemsAreFoundWithTheirEvidence() {
        SiteReport flawed = site("白沙乡人民政府");
        assertThat(kinds(flawed)).contains("footer.icp.missing", "footer.gongan.image-only", "footer.sitecode.mismatch")
                .doesNotContain("footer.conac.missing", "footer.jiucuo.missing", "footer.sitecode.missing");
        assertThat(flawed.findings()).filteredOn(f -> f.kind().equals("link.broken.home"))
                .extracting(Finding::url).containsExactlyInAnyOrder(server.url("/flawed/2025/old.html"),
                        server.url("/flawed/report.pdf"), server.url("/flawed/banner-missing.jpg"));
        Finding ocr = flawed.findings().stream().filter(f -> f.kind().equals("footer.gongan.image-only")).findFirst()
                .orElseThrow();
        assertThat(ocr.message()).contains("33018502000123");
        assertThat(ocr.evidence()).extracting(Evidence::type).containsExactly("ocr", "ocr", "warc");
        Finding broken = flawed.findings().stream().filter(f -> f.url().endsWith("/flawed/2025/old.html")).findFirst()
                .orElseThrow();
        assertThat(broken.evidence()).extracting(Evidence::type).containsExactly("screenshot", "http");
        assertThat(broken.message()).contains("白沙乡2025年春耕生产动员会").contains("HTTP 404");
        assertThat(kinds(flawed)).contains("search.missing");
        assertThat(flawed.score()).isEqualTo(93.0); // 3 links, 2 marks, no search box (-2)
    }

    @Test
    void eachSiteSaysWhereItsAuditSpentItsTime() {
        SiteReport clean = site("清河镇人民政府");
        assertThat(clean.timings().phases()).extracting(Timings.Phase::phase)
                .contains("probe", "home", "crawl", "archive", "check");
        assertThat(clean.timings().phases()).filteredOn(p -> p.phase().equals("check"))
                .extracting(Timings.Phase::check).contains("footer").doesNotHaveDuplicates();
        assertThat(clean.timings().phases()).filteredOn(p -> p.phase().equals("home"))
                .extracting(Timings.Phase::count).containsExactly(1);
        SiteReport flawed = site("白沙乡人民政府"); // its marks are images: read by OCR
        assertThat(flawed.timings().phases()).filteredOn(p -> p.phase().equals("ocr"))
                .extracting(Timings.Phase::count).first().satisfies(n -> assertThat(n).isPositive());
    }

    @Test
    void everyEvidenceFileExistsWithTheHashTheReportGives() throws IOException {
        for (SiteReport s : report.sites()) {
            for (Finding f : s.findings()) {
                for (Evidence e : f.evidence()) {
                    Path file = run.resolve(e.path());
                    assertThat(file).exists();
                    assertThat(cn.xunjian.evidence.Sha256.of(file)).isEqualTo(e.sha256());
                }
            }
        }
        assertThat(new ManifestVerifier().verify(run).intact()).isTrue();
    }

    @Test
    void reportJsonMatchesTheGoldenFileOnceTimesPortsAndHashesAreNormalised() throws IOException {
        String actual = normalise(Files.readString(run.resolve("report.json"), StandardCharsets.UTF_8));
        String expected;
        try (InputStream in = AuditIT.class.getResourceAsStream("/golden/fixture-report.json")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (Boolean.getBoolean("golden.update")) { // -Dgolden.update=true rewrites the golden file after a change
            Files.writeString(Path.of("src/test/resources/golden/fixture-report.json"), actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual.strip()).isEqualTo(expected.strip());
    }

    private static String normalise(String json) {
        return json.replace(String.valueOf(server.port()), "PORT")
                .replaceAll("\"sha256\" : \"[0-9a-f]{64}\"", "\"sha256\" : \"SHA256\"")
                .replaceAll("[0-9]+\\.[0-9]秒", "N秒")
                // the browser's own clock stamps each archived response; the audit's clock is fixed
                .replaceAll("\"capturedAt\" : \"[0-9T:.+-]+\"", "\"capturedAt\" : \"CAPTURED\"")
                // how long each phase took, and how often pages were rendered, is this machine's; it has a test of its own
                .replaceAll("(?s)\"timings\" : \\{.*?\\n    \\}", "\"timings\" : \"TIMINGS\"");
    }

    @Test
    void theCircularNamesTheFailedSiteAndListsProblemSitesInItsAnnex() throws IOException {
        String md = Files.readString(run.resolve("circular.md"), StandardCharsets.UTF_8);
        assertThat(md).contains("本次共检查政府网站3家，合格2家，不合格1家，合格率为66.67%。不合格网站：沙湾镇人民政府。")
                .contains("| 1 | 沙湾镇人民政府 | 3301850303 | 首页无法访问（单项否决） |")
                .contains("| 2 | 白沙乡人民政府 | 3301850202 | 页脚缺少ICP备案编号；网站标识码前后不一致；首页不可用链接3个"
                        + "（“白沙乡2025年春耕生产动员会”、“2026年工作要点（PDF）”、“宣传横幅”等）；未提供站内搜索功能 |")
                .contains("白沙乡人民政府网站页脚缺少ICP备案编号；网站标识码前后不一致；首页不可用链接3个")
                .doesNotContain("清河镇人民政府 |");
        assertThat(Files.readString(run.resolve("findings.csv"), StandardCharsets.UTF_8)).contains("footer.icp.missing");
        assertThat(Files.readString(run.resolve("manifest.json"), StandardCharsets.UTF_8))
                .contains("\"circular.md\"").contains("\"findings.csv\"").contains("\"report.json\"")
                .contains("\"circular.docx\"").contains("\"circular.pdf\"")
                .contains("\"rectification/3301850303.docx\"").contains("\"rectification/3301850303.pdf\"")
                .doesNotContain("rectification/3301850202"); // 白沙乡 passed: deductions only, no notice
    }

    @Test
    void reportHtmlShowsAReaderTheVerdictsFindingsAndEvidence() {
        try (ReaderBrowser browser = new ReaderBrowser()) {
            Page page = browser.open(run.resolve("report.html").toUri().toString());
            String text = page.innerText("body");
            assertThat(text).contains("政府网站巡检报告").contains("本次共检查网站 3 个，合格 2 个，合格率 66.67%");
            assertThat(page.innerText("#site-2 h2")).contains("沙湾镇人民政府").contains("不合格");
            assertThat(page.innerText("#summary")).contains("按指标汇总")
                    .containsPattern("W-V2\\s+站点无法访问\\s+单项否决\\s+1\\s+2");
            assertThat(page.innerText("#site-3")).contains("W-D1 链接可用性（3项问题）").contains("W-D2 网站标识")
                    .contains("经 OCR 识别");
            int thumbnails = page.locator("section.site .evidence img").count();
            assertThat(thumbnails).isGreaterThan(3);
            Object allDecoded = page.evaluate("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");
            assertThat(allDecoded).isEqualTo(true);
            String firstLink = page.locator(".evidence a").first().getAttribute("href");
            assertThat(run.resolve(firstLink)).exists();
            String archived = page.locator("#site-3 .evidence a.archive").first().innerText();
            assertThat(archived).startsWith("[网页存档] " + server.url("/flawed/index.html") + "　采集时间 20");
            assertThat(page.locator("#site-3 .evidence a.archive").first().getAttribute("href"))
                    .isEqualTo("site-03/archive.wacz");
        }
    }

    @Test
    void eachSiteHasAWebArchiveThatPassesTheStructuralCheckAndListsTheRenderedPages() throws IOException {
        for (String site : List.of("site-01", "site-02", "site-03")) {
            Path wacz = run.resolve(site + "/archive.wacz");
            assertThat(wacz).isRegularFile();
            assertThat(new WaczVerifier().verify(wacz, site + "/archive.wacz")).as(site).isEmpty();
        }
        assertThat(new WaczVerifier().verifyRun(run)).isEmpty();
        assertThat(Files.readString(run.resolve("manifest.json"), StandardCharsets.UTF_8))
                .contains("\"site-03/archive.wacz\"");
        try (ZipFile zip = new ZipFile(run.resolve("site-03/archive.wacz").toFile())) {
            String pages = new String(zip.getInputStream(zip.getEntry("pages/pages.jsonl")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(pages).contains("\"url\":\"" + server.url("/flawed/index.html") + "\"")
                    .contains("\"title\":\"白沙乡人民政府\"");
        }
        try (var left = Files.walk(run)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no working files are left in the run")
                    .noneMatch(n -> n.equals(".archive") || n.endsWith(".har.zip") || n.endsWith(".warc.gz"));
        }
    }

    @Test
    void findingsAboutTheRenderedHomePageLinkToItsArchivedCopyWithTheCaptureTime() {
        SiteReport flawed = site("白沙乡人民政府");
        Finding icp = flawed.findings().stream().filter(f -> f.kind().equals("footer.icp.missing")).findFirst()
                .orElseThrow();
        Evidence archived = icp.evidence().get(icp.evidence().size() - 1);
        assertThat(archived.type()).isEqualTo("warc");
        assertThat(archived.path()).isEqualTo("site-03/archive.wacz");
        assertThat(archived.page()).isEqualTo(server.url("/flawed/index.html"));
        assertThat(archived.capturedAt()).matches("20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\+08:00");
        assertThat(flawed.findings()).filteredOn(f -> f.kind().equals("link.broken.home"))
                .allSatisfy(f -> assertThat(f.evidence()).extracting(Evidence::type).doesNotContain("warc"));
    }
}
