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
    void theCleanSitesNoticesAreListedOnlyByXhrSoOnlyTheRenderedPageHasThem() throws Exception {
        try (DemoPortal portal = DemoPortal.start()) {
            String served = new String(get(portal.origin() + "/jyj/tzgg/index.html").body(), StandardCharsets.UTF_8);
            assertThat(served).contains("dataproxy.jsp").doesNotContain("/jyj/tzgg/n1.html")
                    .doesNotContain("/jyj/tzgg/n3.html");
            HttpResponse<byte[]> proxy = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(portal.origin() + "/jyj/module/web/jpage/dataproxy.jsp?startrecord=1&endrecord=15"))
                    .POST(HttpRequest.BodyPublishers.ofString("col=1&columnid=4228")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(proxy.headers().firstValue("Content-Type")).hasValue("text/xml; charset=utf-8");
            assertThat(new String(proxy.body(), StandardCharsets.UTF_8)).doesNotContain("{{date");
            try (BrowserRuntime runtime = BrowserRuntime.start(NetworkScope.LOOPBACK_ONLY);
                 BrowserSession session = runtime.openSession(DeviceProfile.DESKTOP)) {
                // with the referer overload: the page is taken once its network is idle, as the audit renders columns
                PageLoad load = session.load(portal.origin() + "/jyj/tzgg/index.html", Duration.ofSeconds(15), null);
                AuditPage page = ((PageLoad.Loaded) load).page();
                assertThat(org.jsoup.Jsoup.parse(page.html()).select("#list li a")).extracting(e -> e.attr("href"))
                        .containsExactly("/jyj/tzgg/n1.html", "/jyj/tzgg/n3.html", "/jyj/tzgg/n2.html");
            }
        }
    }

    @Test
    void theGeneratedAttachmentsAreRealOfficeFilesTheCleanOneWithoutANumberThePlantedOneWithTheLeak()
            throws Exception {
        try (DemoPortal portal = DemoPortal.start()) {
            HttpResponse<byte[]> docx = get(portal.origin() + "/jyj/attach/2026-xszz-sqb.docx");
            assertThat(docx.statusCode()).isEqualTo(200);
            try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx.body()));
                 var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
                assertThat(text.getText()).contains("家庭经济困难学生资助申请表", "0571-6512345")
                        .doesNotContainPattern("[0-9]{11}");
            }
            HttpResponse<byte[]> xlsx = get(portal.origin() + "/attach/2026-10-lsjz-gs.xlsx");
            try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()));
                 var text = new org.apache.poi.xssf.extractor.XSSFExcelExtractor(book)) {
                assertThat(text.getText()).contains(DemoAttachments.LEAKED_ID, DemoAttachments.LEAKED_MOBILE,
                        "189****9580");
            }
        }
    }

    @Test
    void thePortalHasGamblingLinksAfterItsEndAndTheCleanSitesChannelIsOnAnotherHost() throws Exception {
        try (DemoPortal portal = DemoPortal.start()) {
            String home = new String(get(portal.portalUrl()).body(), StandardCharsets.UTF_8);
            assertThat(home.substring(home.lastIndexOf("</html>"))).contains("澳门金沙娱乐城", "display:none");
            String clean = new String(get(portal.cleanSiteUrl()).body(), StandardCharsets.UTF_8);
            assertThat(clean).contains(portal.elsewhere() + "/hdjl/12345rx/sysm/index.html")
                    .contains("浙ICP备 12345678号-3", "网站标识码3301850052&emsp;", "Link(&#39;3301850052&#39;)")
                    .doesNotContain("<input").doesNotContain("_jiucuo_\"");
            assertThat(get(portal.elsewhere() + "/hdjl/12345rx/wyxx.html").statusCode()).isEqualTo(200);
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
