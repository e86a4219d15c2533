package cn.xunjian.darklink;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.model.Evidence;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.testing.FixtureServer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cloaking / referer-hijack check with real Chromium against fixture sites that cloak and one that does not. */
class HijackIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;
    private static FixtureServer server;
    private static BrowserRuntime browser;
    private static SiteEvidence evidence;

    @BeforeAll
    static void start() {
        server = new FixtureServer();
        // "localhost" is another host than "127.0.0.1" for the check, and still inside the loopback scope
        String elsewhere = "http://localhost:" + server.port() + "/casino.html";
        server.route("/cloak/", CloakingSite::uaCloak)
                .route("/jsref/", CloakingSite.referrerScript(elsewhere))
                .route("/ref302/", CloakingSite.refererRedirect("http://www.ylc-casino.example/"))
                .route("/clean/", CloakingSite::clean)
                .route("/noisy/", CloakingSite::noisy)
                .route("/casino.html", CloakingSite::casino);
        browser = BrowserRuntime.start(NetworkScope.LOOPBACK_ONLY);
        evidence = new SiteEvidence(new EvidenceStore(dir, CLOCK), "site-01");
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    private static List<Finding> inspect(String path) throws InterruptedException {
        return new HijackCheck().inspect(server.url(path), "临江县人民政府", browser, NetworkScope.LOOPBACK_ONLY,
                Duration.ofSeconds(15), evidence);
    }

    @Test
    void aSiteThatServesAGamblingPageToBaiduspiderIsReportedForBothSpiders() throws Exception {
        List<Finding> findings = inspect("/cloak/");
        assertThat(findings).extracting(Finding::kind).containsExactly("hijack.spider", "hijack.spider");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.indicator()).isEqualTo("W-V1");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.message()).contains("标题由“临江县人民政府”变为“bet365体育在线_澳门威尼斯人_真人娱乐”", "百家乐");
        });
        assertThat(findings.get(0).message()).contains("百度蜘蛛（PC）");
        assertThat(findings.get(1).message()).contains("百度蜘蛛（移动）");
    }

    @Test
    void theEvidenceIsBothScreenshotsSideBySideAndBothPageSources() throws Exception {
        Finding f = inspect("/cloak/").get(0);
        Evidence shot = f.evidence().stream().filter(e -> e.type().equals("screenshot")).findFirst().orElseThrow();
        BufferedImage img = ImageIO.read(dir.resolve(shot.path()).toFile());
        assertThat(img.getWidth()).isEqualTo(2 * 640 + 12);
        List<String> html = f.evidence().stream().filter(e -> e.type().equals("html"))
                .map(e -> read(dir.resolve(e.path()))).toList();
        assertThat(html).anySatisfy(h -> assertThat(h).contains("<title>临江县人民政府</title>"));
        assertThat(html).anySatisfy(h -> assertThat(h).contains("bet365体育在线"));
    }

    @Test
    void aScriptThatRedirectsVisitorsFromBaiduIsReportedAsAReferHijackOnly() throws Exception {
        List<Finding> findings = inspect("/jsref/");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("hijack.referer");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.message()).contains("从百度搜索结果进入的访客", "localhost", "标题由“临江县人民政府”变为");
        });
    }

    @Test
    void aServerRedirectOnlyForABaiduRefererIsReported() throws Exception {
        List<Finding> findings = inspect("/ref302/");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("hijack.referer");
            assertThat(f.message()).contains("HTTP 状态由 200 变为 302", "www.ylc-casino.example");
        });
    }

    @Test
    void aCleanSiteHasNoFinding() throws Exception {
        assertThat(inspect("/clean/")).isEmpty();
    }

    @Test
    void aPageThatChangesOnEveryRequestIsNotMistakenForCloaking() throws Exception {
        assertThat(inspect("/noisy/")).isEmpty();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
