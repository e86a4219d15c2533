package cn.xunjian.recheck;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.audit.AuditSettings;
import cn.xunjian.audit.Auditor;
import cn.xunjian.cli.Main;
import cn.xunjian.evidence.ManifestVerifier;
import cn.xunjian.evidence.Sha256;
import cn.xunjian.internal.Json;
import cn.xunjian.model.Finding;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.report.Report;
import cn.xunjian.report.SiteReport;
import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.FixtureServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real audit (Chromium, HTTP, Tesseract) of four fixture sites, then re-checks of single findings after the
 * sites changed: a planted hidden-link block taken out, a broken link that opens again, a typo corrected, a footer
 * mark still missing, a site that went down, a site that was down at the audit. The darklink site is a real
 * government article page (辽阳市人民政府, Epoint WebBuilder; see {@code realpages/SOURCES.md}:
 * {@code mhxqwer/dcy.liaoyang.gov.cn} {@code index.html}) with and without the off-page gambling links planted in
 * it; the others serve AuditIT's 白沙乡 fixture, whose home here links one more page: that article with a typo
 * planted in its last paragraph.
 */
class RecheckIT {
    private static final Clock AUDITED = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);
    private static final Clock RECHECKED = Clock.fixed(Instant.parse("2026-11-28T02:30:00Z"), ZoneOffset.UTC);

    /** A sentence planted at the end of the real article (a page the 白沙乡 home links to), with a common 错别字. */
    private static final String TYPO = "弓长岭区将再接再励，办好后续赛事。";
    private static final String CORRECTED = "弓长岭区将再接再厉，办好后续赛事。";

    /** The article's place on the 白沙乡 site: its crawl keeps to the home page's directory. */
    private static final String ARTICLE = "/flawed/news-1121.html";

    @TempDir
    static Path run;
    private static FixtureServer server;
    private static SiteFile flawed;
    private static SiteFile liaoyang;
    private static SiteFile down;
    private static SiteFile gone;
    private static Report report;
    private static Map<String, String> originalHashes;
    private static AuditSettings settings;

    @BeforeAll
    static void audit() throws Exception {
        String flawedHome = resource("/sites/flawed/index.html");
        String linkedArticle = "<li><a href=\"/clean/news.html\">白沙乡开展冬季消防安全检查</a><span>2026-11-18</span></li>";
        assertThat(flawedHome).contains(linkedArticle);
        server = new FixtureServer().status("/flawed/report.pdf", 500)
                .html("/flawed/index.html", flawedHome.replace(linkedArticle, linkedArticle
                        + "<li><a href=\"/flawed/news-1121.html\">弓长岭区现代五项比赛开幕</a><span>2026-11-21</span></li>"))
                .html("/liaoyang/index.html", resource("/realpages/spam-hidden-liaoyang.html"))
                .html("/down/index.html", flawedHome).html(ARTICLE, article(TYPO)).status("/gone/index.html", 503);
        flawed = new SiteFile("白沙乡人民政府", "3301850202", server.url("/flawed/index.html"), "township", null, null,
                null, null);
        liaoyang = new SiteFile("辽阳市人民政府", "2110000015", server.url("/liaoyang/index.html"), "portal", null, null,
                null, null);
        down = new SiteFile("沙湾镇人民政府", "3301850202", server.url("/down/index.html"), "township", null, null, null,
                null);
        gone = new SiteFile("柳溪乡人民政府", "3301850404", server.url("/gone/index.html"), "township", null, null, null,
                null);
        settings = AuditSettings.standard(NetworkScope.LOOPBACK_ONLY).withAvailabilityTimeout(5);
        report = new Auditor(settings, AUDITED).audit(java.util.List.of(flawed, liaoyang, down, gone), run,
                Auditor.ProgressListener.NONE);
        originalHashes = hashes();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void theOriginalRunIsUntouchedAndStillVerifies() throws IOException {
        assertThat(hashes()).isEqualTo(originalHashes);
        assertThat(new ManifestVerifier().verify(run).intact()).isTrue();
    }

    @Test
    void aHiddenLinkBlockTakenOutSinceTheAuditIsGone() throws Exception {
        Finding hidden = finding(liaoyang, "darklink.hidden");
        server.html("/liaoyang/index.html", resource("/realpages/liaoyang-article.html"));
        try {
            RecheckResult result = recheck(liaoyang, hidden);
            assertThat(result.outcome()).isEqualTo(Outcome.GONE);
            assertThat(result.reason()).contains("darklink").contains("未再发现");
            assertThat(result.freshFindings()).extracting(Finding::kind).doesNotContain("darklink.hidden");
            assertFreshEvidence(result, hidden);
        } finally {
            server.html("/liaoyang/index.html", resource("/realpages/spam-hidden-liaoyang.html"));
        }
    }

    @Test
    void aHiddenLinkBlockStillOnThePageIsPresent() throws Exception {
        Finding hidden = finding(liaoyang, "darklink.hidden");
        RecheckResult result = recheck(liaoyang, hidden);
        assertThat(result.outcome()).isEqualTo(Outcome.PRESENT);
        assertThat(result.freshFindings()).extracting(Finding::id).contains(hidden.id());
        assertFreshEvidence(result, hidden);
    }

    @Test
    void aBrokenLinkThatOpensAgainIsGoneAndOneStillBrokenIsPresent() throws Exception {
        Finding fixed = brokenLink("/flawed/2025/old.html");
        Finding stillBroken = brokenLink("/flawed/report.pdf");
        server.html("/flawed/2025/old.html", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>白沙乡2025年春耕生产动员会"
                + "</title></head><body><h1>白沙乡2025年春耕生产动员会</h1><p>3月15日，白沙乡召开春耕生产动员会。</p></body></html>");
        try {
            RecheckResult gone = recheck(flawed, fixed);
            assertThat(gone.outcome()).isEqualTo(Outcome.GONE);
            assertFreshEvidence(gone, fixed);
            RecheckResult present = recheck(flawed, stillBroken);
            assertThat(present.outcome()).isEqualTo(Outcome.PRESENT);
            assertThat(present.reason()).contains("report.pdf");
        } finally {
            server.status("/flawed/2025/old.html", 404);
        }
    }

    @Test
    void aTypoCorrectedOnACrawledPageIsGoneOnThatPageAlone() throws Exception {
        Finding typo = siteReport(flawed).findings().stream().filter(f -> f.kind().equals("wording.typo"))
                .filter(f -> f.url().endsWith(ARTICLE)).findFirst().orElseThrow();
        server.html(ARTICLE, article(CORRECTED));
        try {
            RecheckResult result = recheck(flawed, typo);
            assertThat(result.outcome()).isEqualTo(Outcome.GONE);
            assertThat(result.reason()).contains("wording").contains(ARTICLE);
            assertFreshEvidence(result, typo);
        } finally {
            server.html(ARTICLE, article(TYPO));
        }
        RecheckResult again = recheck(flawed, typo);
        assertThat(again.outcome()).isEqualTo(Outcome.PRESENT);
        assertThat(again.reason()).contains("再接再励");
    }

    @Test
    void aLinkBrokenBeyondTheHomePageIsRecheckedOnThePageTheCrawlFoundItOn() throws Exception {
        Finding section = crawledBrokenLink("/zwzx/city_build.html");
        Finding news = crawledBrokenLink("/zwzx/002002/city_build.html");
        assertThat(FindingRef.fromRun(run, flawed, section.id()).foundOn()).isEqualTo(server.url(ARTICLE));
        server.html("/zwzx/city_build.html", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>政务动态</title>"
                + "</head><body><ul><li><a href=\"/zwzx/002002/city_build.html\">要闻动态</a></li></ul></body></html>");
        try {
            RecheckResult gone = recheck(flawed, section);
            assertThat(gone.outcome()).isEqualTo(Outcome.GONE);
            assertFreshEvidence(gone, section);
        } finally {
            server.status("/zwzx/city_build.html", 404);
        }
        RecheckResult present = recheck(flawed, news);
        assertThat(present.outcome()).isEqualTo(Outcome.PRESENT);
        assertThat(present.reason()).contains("HTTP 404").contains(ARTICLE);
        server.html(ARTICLE, article(TYPO).replace("<a title=\"要闻动态\" href=\"/zwzx/002002/city_build.html\">要闻动态</a>",
                "要闻动态"));
        try {
            RecheckResult elsewhere = recheck(flawed, news);
            assertThat(elsewhere.outcome()).isEqualTo(Outcome.UNDETERMINED);
            assertThat(elsewhere.reason()).contains("链接已不在").contains("请重新巡检");
        } finally {
            server.html(ARTICLE, article(TYPO));
        }
    }

    @Test
    void aFooterMarkStillMissingIsPresentAndASecondRecheckKeepsTheFirstOnesEvidence() throws Exception {
        Finding icp = finding(flawed, "footer.icp.missing");
        RecheckResult first = recheck(flawed, icp);
        assertThat(first.outcome()).isEqualTo(Outcome.PRESENT);
        assertThat(first.reason()).contains("复验再次发现该问题");
        assertFreshEvidence(first, icp);
        Map<String, String> firstFiles = hashes(first.evidenceDir());
        RecheckResult second = recheck(flawed, icp); // the same second on the fixed clock
        assertThat(second.evidenceDir()).isNotEqualTo(first.evidenceDir())
                .hasFileName(first.evidenceDir().getFileName() + "-2");
        assertThat(hashes(first.evidenceDir())).isEqualTo(firstFiles);
    }

    @Test
    void aSiteThatWentDownIsUndeterminedNeverGone() throws Exception {
        Finding icp = finding(down, "footer.icp.missing");
        server.status("/down/index.html", 503);
        try {
            RecheckResult result = recheck(down, icp);
            assertThat(result.outcome()).isEqualTo(Outcome.UNDETERMINED);
            assertThat(result.reason()).contains("首页未能打开").contains("503");
            assertThat(result.freshFindings()).isEmpty();
            assertThat(new ManifestVerifier().verify(result.evidenceDir()).intact()).isTrue();
            JsonNode record = Json.mapper().readTree(result.evidenceDir().resolve(Recheck.FILE).toFile());
            assertThat(record.get("outcome").asText()).isEqualTo("undetermined");
        } finally {
            server.html("/down/index.html", resource("/sites/flawed/index.html"));
        }
    }

    @Test
    void aSiteDownAtTheAuditIsPresentWhileStillDownAndGoneOnceItOpens() throws Exception {
        Finding unavailable = finding(gone, "availability.failed");
        RecheckResult still = recheck(gone, unavailable);
        assertThat(still.outcome()).isEqualTo(Outcome.PRESENT);
        assertThat(still.reason()).contains("首页无法访问").contains("503");
        server.html("/gone/index.html", resource("/sites/flawed/index.html"));
        try {
            RecheckResult opened = recheck(gone, unavailable);
            assertThat(opened.outcome()).isEqualTo(Outcome.GONE);
            assertFreshEvidence(opened, unavailable);
        } finally {
            server.status("/gone/index.html", 503);
        }
    }

    @Test
    void theCommandLineSaysStillPresentWithTheReasonAndTheEvidenceDirectoryAndExitsOne() throws Exception {
        Finding icp = finding(flawed, "footer.icp.missing");
        Path siteFile = run.getParent().resolve("recheck-site-" + server.port() + ".json");
        Files.writeString(siteFile, "{\"name\": \"白沙乡人民政府\", \"siteCode\": \"3301850202\", \"url\": \""
                + flawed.url() + "\", \"kind\": \"township\"}", StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"recheck", "--loopback-only", "--timeout", "5", siteFile.toString(),
            run.toString(), icp.id()}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("正在复验问题 " + icp.id() + "（footer.icp.missing，")
                .contains("复验结果：仍存在").contains("原因：复验再次发现该问题")
                .contains("复验证据：" + run.toAbsolutePath().resolve("rechecks").resolve(icp.id()));
        assertThat(err.toString()).isEmpty();
    }

    private static RecheckResult recheck(SiteFile site, Finding finding) throws Exception {
        FindingRef ref = FindingRef.fromRun(run, site, finding.id());
        assertThat(ref.kind()).isEqualTo(finding.kind());
        return new Recheck(settings, RECHECKED).run(site, ref, run);
    }

    /** The re-check's own directory under the run, verifying on its own, with a screenshot and the page source. */
    private static void assertFreshEvidence(RecheckResult result, Finding finding) throws IOException {
        assertThat(result.evidenceDir()).startsWith(run.resolve("rechecks").resolve(finding.id()));
        assertThat(result.evidenceDir().getFileName().toString()).startsWith("20261128T023000Z");
        ManifestVerifier.Result verified = new ManifestVerifier().verify(result.evidenceDir());
        assertThat(verified.intact()).isTrue();
        assertThat(verified.checked()).isGreaterThanOrEqualTo(3);
        try (Stream<Path> files = Files.walk(result.evidenceDir())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.endsWith(".png")).anyMatch(n -> n.endsWith(".html")).contains(Recheck.FILE);
        }
        JsonNode record = Json.mapper().readTree(result.evidenceDir().resolve(Recheck.FILE).toFile());
        assertThat(record.get("finding").get("id").asText()).isEqualTo(finding.id());
        assertThat(record.get("outcome").asText()).isEqualTo(result.outcome().json());
    }

    private static Finding finding(SiteFile site, String kind) {
        return siteReport(site).findings().stream().filter(f -> f.kind().equals(kind)).findFirst().orElseThrow();
    }

    private static Finding brokenLink(String path) {
        return siteReport(flawed).findings().stream().filter(f -> f.kind().equals("link.broken.home"))
                .filter(f -> f.url().endsWith(path)).findFirst().orElseThrow();
    }

    private static Finding crawledBrokenLink(String path) {
        return siteReport(flawed).findings().stream().filter(f -> f.kind().equals("link.broken"))
                .filter(f -> f.url().equals(server.url(path))).findFirst().orElseThrow();
    }

    private static SiteReport siteReport(SiteFile site) {
        return report.sites().stream().filter(s -> s.url().equals(site.url())).findFirst().orElseThrow();
    }

    private static String article(String lastSentence) throws IOException {
        return resource("/realpages/liaoyang-article.html").replace("起到积极推动作用。</p>", "起到积极推动作用。" + lastSentence
                + "</p>");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = RecheckIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every file of the original run (its re-checks aside) with its hash. */
    private static Map<String, String> hashes() throws IOException {
        Map<String, String> all = hashes(run);
        all.keySet().removeIf(p -> p.startsWith(Recheck.DIR + "/"));
        return all;
    }

    private static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                all.put(dir.relativize(p).toString().replace('\\', '/'), Sha256.of(p));
            }
        }
        return all;
    }
}
