package cn.xunjian.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.site.SiteFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebViewTargetsTest {
    @Test
    void listedViewsComeFirstThenSameSiteQrTargetsOnceEachAndOtherHostsAreLeftOut() {
        SiteFile site = new SiteFile("临江", null, "http://127.0.0.1:8080/", null, null,
                List.of(new SiteFile.WebView("掌上临江", "http://127.0.0.1:8080/h5/index.html")), null, null);
        List<String> qrCodes = List.of("http://127.0.0.1:8080/h5/index.html",
                "http://127.0.0.1:8080/h5/app.html#/services", "https://mp.weixin.qq.com/s/abc",
                "扫码访问 http://127.0.0.1:9999/other.html", "临江发布");

        List<WebViewTargets.Target> targets = WebViewTargets.of(site, qrCodes);

        assertThat(targets).extracting(WebViewTargets.Target::url).containsExactly(
                "http://127.0.0.1:8080/h5/index.html", "http://127.0.0.1:8080/h5/app.html#/services");
        assertThat(targets).extracting(WebViewTargets.Target::name).containsExactly("掌上临江", "页脚二维码页面");
    }
}
