package cn.xunjian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.net.HttpFailure.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceTroubleTest {
    @Test
    void chromiumsNetworkErrorsAreTheProblemsOfTheHttpStack() {
        assertThat(List.of("net::ERR_NAME_NOT_RESOLVED", "net::ERR_CONNECTION_REFUSED", "net::ERR_ADDRESS_UNREACHABLE",
                "net::ERR_CONNECTION_TIMED_OUT", "net::ERR_CONNECTION_RESET").stream().map(ResourceTrouble::problemOf))
                .containsExactly(Problem.DNS, Problem.REFUSED, Problem.UNREACHABLE, Problem.CONNECT_TIMEOUT,
                        Problem.NETWORK);
    }

    @Test
    void aResourcesHostKeepsItsPortAndItsNameDropsIt() {
        ResourceTrouble t = new ResourceTrouble("http://LocalHost:8080/hm.js", ResourceTrouble.hostOf(
                "http://LocalHost:8080/hm.js"), Problem.TIMEOUT, "无响应", 5000, true);
        assertThat(t.host()).isEqualTo("localhost:8080");
        assertThat(t.hostName()).isEqualTo("localhost");
        assertThat(ResourceTrouble.hostOf("https://hm.baidu.com/hm.js?x")).isEqualTo("hm.baidu.com");
    }
}
