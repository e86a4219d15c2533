package cn.xunjian.text;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.browser.BrowserSession;
import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.browser.PageLoad;
import cn.xunjian.model.Finding;
import cn.xunjian.check.PageContext;
import cn.xunjian.check.Renderer;
import cn.xunjian.model.SitePage;
import cn.xunjian.demo.DemoPortal;
import cn.xunjian.model.Evidence;
import cn.xunjian.testing.FixtureServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wording check against real Chromium: the wrong phrase is boxed on a screenshot kept as evidence. */
class WordingCheckIT {
    private static final String PAGE = TextFixtures.article("""
            <h1>临江县秸秆综合利用工作简报</h1>
            <p>发布时间：2026-11-20</p>
            <p>今年以来，我县大力推进农作物秸秆综合利用。</p>
            <p style="margin-top: 900px">全县共收储秸杆12万吨，综合利用率达到95%。</p>
            """);

    private static FixtureServer server;
    private static BrowserRuntime runtime;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = new FixtureServer().html("/jb.html", PAGE);
        runtime = BrowserRuntime.start(NetworkScope.LOOPBACK_ONLY);
    }

    @AfterAll
    static void stop() {
        runtime.close();
        server.close();
    }

    private static Renderer renderer(BrowserSession session, List<String> rendered) {
        return url -> {
            rendered.add(url);
            PageLoad load = session.load(url, Duration.ofSeconds(15));
            return load instanceof PageLoad.Loaded loaded ? Optional.of(loaded.page()) : Optional.<AuditPage>empty();
        };
    }

    @Test
    void aWrongPhraseOnARenderedPageIsBoxedOnAScreenshotKeptAsEvidence() throws Exception {
        try (BrowserSession session = runtime.openSession(DeviceProfile.DESKTOP)) {
            List<String> rendered = new ArrayList<>();
            PageContext ctx = TextFixtures.context(dir, renderer(session, rendered));
            List<Finding> findings = new WordingCheck().check(new SitePage(server.url("/jb.html"), PAGE, 1), ctx);

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo("wording.typo");
                assertThat(f.message()).contains("“秸杆”应为“秸秆”");
                assertThat(f.evidence()).singleElement().extracting(Evidence::type).isEqualTo("screenshot");
            });
            Path png = dir.resolve(findings.get(0).evidence().get(0).path());
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png)));
            assertThat(image.getWidth()).isGreaterThan(100);
            assertThat(containsHighlightRed(image)).as("the phrase is boxed in red").isTrue();
            assertThat(rendered).containsExactly(server.url("/jb.html"));
        }
    }

    @Test
    void theDemoArticlesFireOnTheWrongOneAndStayQuietOnTheCleanOne() throws Exception {
        try (DemoPortal portal = DemoPortal.start(TextFixtures.CLOCK);
             BrowserSession session = runtime.openSession(DeviceProfile.DESKTOP)) {
            String wrongUrl = portal.origin() + "/text/wrong.html";
            String cleanUrl = portal.origin() + "/text/clean.html";
            PageContext ctx = TextFixtures.context(dir, renderer(session, new ArrayList<>()));
            SitePage wrong = new SitePage(wrongUrl, get(wrongUrl), 2);
            SitePage clean = new SitePage(cleanUrl, get(cleanUrl), 2);

            List<Finding> wording = new WordingCheck().check(wrong, ctx);
            assertThat(wording).extracting(Finding::kind).containsExactlyInAnyOrder(
                    "wording.serious", "wording.formulation", "wording.outdated-name", "wording.typo");
            assertThat(wording).filteredOn(f -> f.kind().equals("wording.serious")).singleElement()
                    .satisfies(f -> assertThat(f.evidence()).extracting(Evidence::type).containsExactly("screenshot"));
            assertThat(new PrivacyCheck().check(wrong, ctx)).extracting(Finding::kind)
                    .containsExactly("privacy.id-number", "privacy.mobile");

            assertThat(new WordingCheck().check(clean, ctx)).isEmpty();
            assertThat(new PrivacyCheck().check(clean, ctx)).isEmpty();
        }
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** The highlight is a #e60012 outline: look for strongly red pixels. */
    private static boolean containsHighlightRed(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r > 200 && g < 40 && b < 60) {
                    return true;
                }
            }
        }
        return false;
    }
}
