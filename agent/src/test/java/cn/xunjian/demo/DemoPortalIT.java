package cn.xunjian.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.browser.BrowserSession;
import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.browser.PageLoad;
import cn.xunjian.crawl.CharsetDetector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoPortalIT {
    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void thePublicAffairsPageIsServedInGbkAndDecodedCorrectly() throws Exception {
        try (DemoPortal portal = DemoPortal.start()) {
            HttpResponse<byte[]> resp = get(portal.origin() + "/xxgk/index.html");
            assertThat(resp.headers().firstValue("Content-Type")).hasValue("text/html; charset=GBK");
            assertThat(new String(resp.body(), StandardCharsets.UTF_8)).doesNotContain("政务公开");
            assertThat(CharsetDetector.decode(resp.body(), null)).contains("政务公开_临江县人民政府");
            try (BrowserRuntime runtime = BrowserRuntime.start(NetworkScope.LOOPBACK_ONLY);
                 BrowserSession session = runtime.openSession(DeviceProfile.DESKTOP)) {
                PageLoad load = session.load(portal.origin() + "/xxgk/index.html", Duration.ofSeconds(15));
                AuditPage page = ((PageLoad.Loaded) load).page();
                assertThat(page.title()).isEqualTo("政务公开_临江县人民政府");
            }
        }
    }

    @Test
    void plantedErrorsAnswerWithTheirStatus() throws Exception {
        try (DemoPortal portal = DemoPortal.start()) {
            assertThat(get(portal.origin() + "/").statusCode()).isEqualTo(200);
            assertThat(get(portal.origin() + "/xwzx/2025/0315-old.html").statusCode()).isEqualTo(404);
            assertThat(get(portal.origin() + "/error/500").statusCode()).isEqualTo(500);
            assertThat(get(portal.downSiteUrl()).statusCode()).isEqualTo(503);
            assertThat(get(portal.origin() + "/../pom.xml").statusCode()).isEqualTo(404);
        }
    }
}
