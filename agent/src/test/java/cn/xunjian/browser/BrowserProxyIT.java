package cn.xunjian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.net.NetworkScope;
import cn.xunjian.net.ProxySettings;
import cn.xunjian.testing.FixtureServer;
import cn.xunjian.testing.ForwardProxy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Chromium through a forward proxy that asks for credentials, as on a government network. */
class BrowserProxyIT {
    @Test
    void chromiumLoadsPagesThroughTheProxyWithItsCredentialsAndNoProxyHostsDirectly() {
        try (FixtureServer site = new FixtureServer().html("/a", "<html><body>政务公开</body></html>")
                .html("/b", "<html><body>办事服务</body></html>");
             ForwardProxy proxy = ForwardProxy.requiring("inspector", "pa55");
             BrowserRuntime runtime = BrowserRuntime.start(NetworkScope.LOOPBACK_ONLY, ProxySettings.fromEnvironment(
                     Map.of("HTTP_PROXY", "http://inspector:pa55@127.0.0.1:" + proxy.port(), "NO_PROXY", "localhost")));
             BrowserSession session = runtime.openSession(DeviceProfile.DESKTOP)) {
            PageLoad viaProxy = session.load(site.url("/a"), Duration.ofSeconds(10));
            assertThat(viaProxy).isInstanceOfSatisfying(PageLoad.Loaded.class,
                    l -> assertThat(l.page().html()).contains("政务公开"));
            assertThat(proxy.passed(site.url("/a"))).as("relayed %s", proxy.relayed()).isNotEmpty();

            PageLoad direct = session.load("http://localhost:" + site.port() + "/b", Duration.ofSeconds(10));
            assertThat(direct).isInstanceOfSatisfying(PageLoad.Loaded.class,
                    l -> assertThat(l.page().html()).contains("办事服务"));
            assertThat(proxy.relayed()).noneMatch(r -> r.target().contains("localhost"));
        }
    }
}
