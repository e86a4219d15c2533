package cn.xunjian.browser;

import cn.xunjian.net.NetworkScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xunjian.testing.FixtureServer;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real system Chromium through Playwright against pages served on 127.0.0.1. */
class BrowserRuntimeIT {
    private static final Charset GBK = Charset.forName("GBK");
    private static final String WECHAT_ONLY = """
            <html><head><meta charset="utf-8"><title>掌上临江</title></head><body><div id="app"></div><script>
            const inWeChat = /MicroMessenger/i.test(navigator.userAgent) && typeof WeixinJSBridge === 'object'
              && window.__wxjs_environment === 'miniprogram';
            document.getElementById('app').textContent = inWeChat ? '掌上临江 服务大厅' : '请在微信客户端打开链接';
            </script></body></html>""";

    private static FixtureServer server;
    private static BrowserRuntime runtime;

    @BeforeAll
    static void start() {
        server = new FixtureServer()
                .html("/gbk-header.html", "<html><head><title>政务公开_临江县人民政府</title></head><body>政府信息公开</body></html>",
                        GBK, "GBK")
                .html("/gbk-meta.html", "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                        + "<title>机构职能_临江县</title></head><body>机构职能</body></html>", GBK, null)
                .html("/wechat.html", WECHAT_ONLY)
                .html("/outline.html", "<html><body><p id=\"target\">目标</p></body></html>")
                .hang("/hang");
        runtime = BrowserRuntime.start(NetworkScope.LOOPBACK_ONLY);
    }

    @AfterAll
    static void stop() {
        runtime.close();
        server.close();
    }

    private static AuditPage open(BrowserSession session, String path) {
        PageLoad load = session.load(server.url(path), Duration.ofSeconds(15));
        assertThat(load).isInstanceOf(PageLoad.Loaded.class);
        return ((PageLoad.Loaded) load).page();
    }

    @Test
    void aRecordedSessionWritesItsHttpArchiveWithEveryBodyWhenItClosesAndListsThePagesItLoaded(
            @org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        Path har = dir.resolve("browser.har.zip");
        BrowserSession session = runtime.openRecordedSession(DeviceProfile.DESKTOP, har);
        try (session) {
            open(session, "/gbk-header.html");
            assertThat(session.recording()).as("the archive is written on closing").isEmpty();
        }

        Recording recording = session.recording().orElseThrow();
        assertThat(recording.pages()).containsExactly(new Recording.RenderedPage(server.url("/gbk-header.html"),
                server.url("/gbk-header.html"), "政务公开_临江县人民政府"));
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(har.toFile())) {
            String log = new String(zip.getInputStream(zip.getEntry("har.har")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(log).contains("\"url\":\"" + server.url("/gbk-header.html") + "\"").contains("\"_file\":\"");
            assertThat(zip.stream().filter(e -> e.getName().endsWith(".html")).findFirst()).isPresent();
        }
    }

    @Test
    void aSessionThatIsNotRecordedHasNoRecording() {
        BrowserSession session = runtime.openSession(DeviceProfile.DESKTOP);
        try (session) {
            open(session, "/outline.html");
        }
        assertThat(session.recording()).isEmpty();
    }

    @Test
    void rendersAGbkPageDeclaredInTheHeader() {
        try (BrowserSession session = runtime.openSession(DeviceProfile.DESKTOP)) {
            AuditPage page = open(session, "/gbk-header.html");
            assertThat(page.title()).isEqualTo("政务公开_临江县人民政府");
            assertThat(page.html()).contains("政府信息公开");
        }
    }

    @Test
    void rendersAGb2312PageDeclaredOnlyInAMetaTag() {
        try (BrowserSession session = runtime.openSession(DeviceProfile.DESKTOP)) {
            assertThat(open(session, "/gbk-meta.html").title()).isEqualTo("机构职能_临江县");
        }
    }

    @Test
    void theWeChatProfileOpensAPageThatADesktopBrowserCannot() {
        try (BrowserSession desktop = runtime.openSession(DeviceProfile.DESKTOP);
             BrowserSession wechat = runtime.openSession(DeviceProfile.WECHAT)) {
            assertThat(open(desktop, "/wechat.html").html()).contains("请在微信客户端打开");
            assertThat(open(wechat, "/wechat.html").html()).contains("掌上临江 服务大厅");
        }
    }

    @Test
    void aHangingPageIsNotLoadedWithinItsTimeout() {
        try (BrowserSession session = runtime.openSession(DeviceProfile.DESKTOP)) {
            PageLoad load = session.load(server.url("/hang"), Duration.ofSeconds(2));
            assertThat(load).isInstanceOfSatisfying(PageLoad.NotLoaded.class,
                    n -> assertThat(n.reason()).isEqualTo("超时未打开"));
            assertThat(load.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void aRefusedPortIsNotLoadedWithItsReason() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (BrowserSession session = runtime.openSession(DeviceProfile.DESKTOP)) {
            PageLoad load = session.load("http://127.0.0.1:" + port + "/", Duration.ofSeconds(5));
            assertThat(load).isInstanceOfSatisfying(PageLoad.NotLoaded.class,
                    n -> assertThat(n.reason()).isEqualTo("连接被拒绝"));
        }
    }

    @Test
    void outlinedScreenshotsExistOnlyForElementsThatExist() {
        try (BrowserSession session = runtime.openSession(DeviceProfile.DESKTOP)) {
            AuditPage page = open(session, "/outline.html");
            assertThat(page.outlinedScreenshot("#target")).hasValueSatisfying(png ->
                    assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PNG"));
            assertThat(page.outlinedScreenshot("#nothing")).isEmpty();
            assertThat(page.html()).doesNotContain("outline").doesNotContain("xj-outline");
        }
    }

    @Test
    void aMissingChromiumNamesThePackageToInstall() {
        assertThatThrownBy(() -> BrowserRuntime.start(NetworkScope.LOOPBACK_ONLY, Path.of("/nonexistent/chromium")))
                .isInstanceOf(BrowserUnavailableException.class)
                .hasMessageContaining("chromium").hasMessageContaining("apt-get install");
    }
}
