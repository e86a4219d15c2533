package cn.xunjian.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.site.SiteFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebViewTargetsTest {
    private static Finding qr(String message) {
        return new Finding("W-D2", "footer.qr", Severity.INFO, "http://127.0.0.1:8080/qr.png", message, List.of());
    }

    @Test
    void listedViewsComeFirstThenSameSiteQrTargetsOnceEachAndOtherHostsAreLeftOut() {
        SiteFile site = new SiteFile("临江", null, "http://127.0.0.1:8080/", null, null,
                List.of(new SiteFile.WebView("掌上临江", "http://127.0.0.1:8080/h5/index.html")), null, null);
        List<Finding> soFar = List.of(
                qr("页脚二维码“临江发布”指向：http://127.0.0.1:8080/h5/index.html"),
                qr("页脚二维码指向：http://127.0.0.1:8080/h5/app.html#/services；https://mp.weixin.qq.com/s/abc"),
                qr("页脚二维码指向：http://127.0.0.1:9999/other.html"),
                new Finding("W-D1", "link.broken", Severity.DEDUCT, "", "http://127.0.0.1:8080/x.html", List.of()));

        List<WebViewTargets.Target> targets = WebViewTargets.of(site, soFar, "footer.qr");

        assertThat(targets).extracting(WebViewTargets.Target::url).containsExactly(
                "http://127.0.0.1:8080/h5/index.html", "http://127.0.0.1:8080/h5/app.html#/services");
        assertThat(targets).extracting(WebViewTargets.Target::name).containsExactly("掌上临江", "页脚二维码页面");
    }
}
