package cn.xunjian.check;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.browser.BrowserSession;
import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.PageLoad;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.FixtureServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The footer-marks check in real Chromium on footers that only a browser shows: in a frame, written by a script
 * (inline or loaded), and the same when the frame or script cannot be loaded. The fixtures are those of
 * {@link FooterMarksCheckTest}, each naming the real site its markup comes from. The unreachable resources sit on
 * 127.0.0.2, a loopback address the browser's network scope refuses.
 */
class FooterMarksIT {
    private static final String FOOTER_JS = """
            document.write('<div class="footer_copyright"><p>主办：宜春市人民政府　承办：宜春市人民政府办公室</p>'
              + '<p><a href="https://beian.miit.gov.cn/">赣ICP备06000141号</a>　政府网站标识码：3609000002 '
              + '<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=36090202000004">赣公网安备 36090202000004号</a></p>'
              + '<span id="_ideConac"><a href="https://bszs.conac.cn/sitename?method=show&id=0ADCC2E0BA270DA2E053012819ACECB2">'
              + '<img src="/red.png"></a></span>'
              + '<span id="_span_jiucuo"><img onclick="Link(\\'3609000002\\')" src="/jiucuo.png"></span></div>');
            """;

    @TempDir
    static Path dir;
    private static FixtureServer server;
    private static FixtureServer outside;
    private static BrowserRuntime browser;
    private static BrowserSession session;

    @BeforeAll
    static void start() {
        server = new FixtureServer();
        outside = FixtureServer.on("127.0.0.2");
        String frame = FooterMarksCheckTest.fixture("foot-frame.html");
        String script = FooterMarksCheckTest.fixture("foot-script.html");
        server.html("/frame/index.html", frame)
                .html("/frame/foot.html", FooterMarksCheckTest.fixture("foot.html"))
                .html("/frame-outside/index.html", frame.replace("src=\"foot.html\"", "src=\"" + outside.url("/foot.html") + "\""))
                .html("/frame-404/index.html", frame.replace("src=\"foot.html\"", "src=\"/nowhere/foot.html\""))
                .html("/script/index.html", script)
                .bytes("/include/foot.js", "application/javascript; charset=utf-8", FOOTER_JS.getBytes(StandardCharsets.UTF_8))
                .bytes("/js/jquery.min.js", "application/javascript", "var jQuery = {};".getBytes(StandardCharsets.UTF_8))
                .bytes("/html/jinhu-static/js/visit-record.js", "application/javascript", new byte[0])
                .html("/script-outside/index.html", script.replace("src=\"/include/foot.js\"",
                        "src=\"" + outside.url("/include/foot.js") + "\""))
                .html("/inline/index.html", FooterMarksCheckTest.fixture("yichun-written-by-script.html"));
        outside.html("/foot.html", FooterMarksCheckTest.fixture("foot.html"))
                .bytes("/include/foot.js", "application/javascript; charset=utf-8", FOOTER_JS.getBytes(StandardCharsets.UTF_8));
        browser = BrowserRuntime.start(NetworkScope.LOOPBACK_ONLY);
        session = browser.openSession(DeviceProfile.DESKTOP);
    }

    @AfterAll
    static void stop() {
        session.close();
        browser.close();
        outside.close();
        server.close();
    }

    private static List<Finding> audit(String path) {
        PageLoad load = session.load(server.url(path), Duration.ofSeconds(15));
        assertThat(load).isInstanceOf(PageLoad.Loaded.class);
        AuditPage page = ((PageLoad.Loaded) load).page();
        return new FooterMarksCheck(FooterMarkRules.standard())
                .run(CheckFixtures.context(dir, SiteFile.of("中国宜春", page.url()), page));
    }

    private static void allUnverified(List<Finding> findings, String resource) {
        assertThat(findings).extracting(Finding::kind).containsExactlyInAnyOrder("footer.sitecode.unverified",
                "footer.icp.unverified", "footer.gongan.unverified", "footer.conac.unverified", "footer.jiucuo.unverified");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("无法核实", resource);
        });
    }

    @Test
    void aFooterInASameSiteFrameIsFollowedAndComplete() {
        assertThat(audit("/frame/index.html")).isEmpty();
    }

    @Test
    void aFooterFrameTheBrowserMayNotLoadIsNamedAndItsMarksAreUnverifiable() {
        allUnverified(audit("/frame-outside/index.html"), "框架 " + outside.url("/foot.html"));
    }

    @Test
    void aFooterFrameThatAnswers404IsNamedAndItsMarksAreUnverifiable() {
        allUnverified(audit("/frame-404/index.html"), server.url("/nowhere/foot.html"));
    }

    @Test
    void aFooterWrittenByALoadedScriptIsReadFromTheRenderedPage() {
        assertThat(audit("/script/index.html")).isEmpty();
    }

    @Test
    void aFooterScriptTheBrowserMayNotLoadIsNamedAndItsMarksAreUnverifiable() {
        allUnverified(audit("/script-outside/index.html"), "脚本 " + outside.url("/include/foot.js"));
    }

    @Test
    void aFooterWrittenByAnInlineScriptIsComplete() {
        assertThat(audit("/inline/index.html")).isEmpty();
    }
}
