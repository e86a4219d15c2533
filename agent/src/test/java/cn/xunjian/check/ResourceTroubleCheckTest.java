package cn.xunjian.check;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.browser.ResourceTrouble;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.net.HttpFailure.Problem;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.net.Reachability;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceTroubleCheckTest {
    private static final String HOME = "http://www.qingshan.gov.cn/";
    private static final ResourceTrouble STATISTICS = new ResourceTrouble(
            "https://hm.baidu.com/hm.js?41fc030db57d5570dd22f78997dc4a7e", "hm.baidu.com", Problem.TIMEOUT, "无响应",
            5_100, true);
    private static final ResourceTrouble OWN_STYLE = new ResourceTrouble("http://www.qingshan.gov.cn/css/main.css",
            "www.qingshan.gov.cn", Problem.REFUSED, "连接被拒绝", 3, false);

    private static Reachability reachability(boolean outsideUnreachable) throws Exception {
        Reachability r = new Reachability();
        r.home("www.qingshan.gov.cn");
        if (outsideUnreachable) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            HttpStack http = HttpStack.builder(NetworkScope.LOOPBACK_ONLY).timeout(Duration.ofSeconds(2)).build();
            assertThat(r.probe(http, List.of("http://127.0.0.1:" + port + "/"), Duration.ofSeconds(2)))
                    .isEqualTo(Reachability.Outside.UNREACHABLE);
        }
        return r;
    }

    @Test
    void aHangingScriptOnAReachableNetworkIsOneWarningNamingItsHostAndWait() throws Exception {
        List<Finding> findings = new ResourceTroubleCheck(reachability(false)).judge(HOME, List.of(STATISTICS), List.of());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(ResourceTroubleCheck.KIND);
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.indicator()).isEqualTo("W-V2");
            assertThat(f.message()).contains("hm.baidu.com（无响应，已等待5.1秒：https://hm.baidu.com/hm.js?")
                    .contains("不影响首页可访问性");
        });
    }

    @Test
    void aHangingScriptOnAHostThisMachineCannotReachCannotBeVerified() throws Exception {
        List<Finding> findings = new ResourceTroubleCheck(reachability(true))
                .judge(HOME, List.of(STATISTICS, OWN_STYLE), List.of());
        assertThat(findings).extracting(Finding::kind)
                .containsExactly(ResourceTroubleCheck.KIND, ResourceTroubleCheck.UNVERIFIED);
        assertThat(findings.get(1).severity()).isEqualTo(Severity.INFO);
        assertThat(findings.get(1).message()).contains("无法核实").contains("hm.baidu.com").doesNotContain("qingshan");
        // the site's own resources are its own: never put down to this machine
        assertThat(findings.get(0).message()).contains("www.qingshan.gov.cn（连接被拒绝，用时0.0秒").doesNotContain("hm.baidu");
    }
}
