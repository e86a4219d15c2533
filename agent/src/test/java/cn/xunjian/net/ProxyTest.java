package cn.xunjian.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xunjian.testing.FixtureServer;
import cn.xunjian.testing.ForwardProxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stack through a forward proxy on 127.0.0.1, as a government network's machines reach the web. */
class ProxyTest {
    private FixtureServer site;

    @BeforeEach
    void start() {
        site = new FixtureServer().html("/a", "<html><body>政务公开</body></html>")
                .html("/b", "<html><body>办事服务</body></html>");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private static HttpStack stack(ProxySettings proxies) {
        return HttpStack.builder(NetworkScope.LOOPBACK_ONLY).timeout(Duration.ofSeconds(5)).proxies(proxies).build();
    }

    private static String body(HttpOutcome o) {
        assertThat(o).isInstanceOf(HttpResponse.class);
        return new String(((HttpResponse) o).body(), StandardCharsets.UTF_8);
    }

    @Test
    void plainHttpGoesThroughTheProxyAndNoProxyHostsDoNot() throws Exception {
        try (ForwardProxy proxy = ForwardProxy.open();
             HttpStack http = stack(ProxySettings.fromEnvironment(Map.of("http_proxy", proxy.url(),
                     "NO_PROXY", "example.gov.cn, localhost")))) {
            assertThat(body(http.send(HttpRequest.get(site.url("/a"), Purpose.PAGE)))).contains("政务公开");
            String direct = "http://localhost:" + site.port() + "/b";
            assertThat(body(http.send(HttpRequest.get(direct, Purpose.PAGE)))).contains("办事服务");
            assertThat(proxy.relayed()).extracting(ForwardProxy.Relayed::line)
                    .containsExactly("GET " + site.url("/a"));
        }
    }

    @Test
    void aProxyThatAsksForCredentialsGetsThoseOfItsUrl() throws Exception {
        try (ForwardProxy proxy = ForwardProxy.requiring("inspector", "s3cr@t:1");
             HttpStack http = stack(ProxySettings.fromEnvironment(Map.of("HTTP_PROXY",
                     "http://inspector:s3cr%40t%3A1@127.0.0.1:" + proxy.port())))) {
            assertThat(body(http.send(HttpRequest.get(site.url("/a"), Purpose.PAGE)))).contains("政务公开");
            assertThat(proxy.passed("/a")).containsExactly("GET " + site.url("/a"));
        }
    }

    @Test
    void httpsTunnelsThroughTheProxy() throws Exception {
        try (ForwardProxy proxy = ForwardProxy.open();
             HttpStack http = stack(ProxySettings.fromEnvironment(Map.of("HTTPS_PROXY", proxy.url())))) {
            // the fixture speaks plain http, so the TLS handshake fails after the tunnel: the CONNECT is the point
            http.send(HttpRequest.get("https://127.0.0.1:" + site.port() + "/a", Purpose.PAGE));
            assertThat(proxy.relayed()).extracting(ForwardProxy.Relayed::line)
                    .containsExactly("CONNECT 127.0.0.1:" + site.port());
        }
    }

    @Test
    void anHttpsTunnelThroughAProxyThatAsksForCredentialsCarriesThem() throws Exception {
        try (ForwardProxy proxy = ForwardProxy.requiring("inspector", "pa55");
             HttpStack http = stack(ProxySettings.fromEnvironment(Map.of("HTTPS_PROXY",
                     "http://inspector:pa55@127.0.0.1:" + proxy.port())))) {
            http.send(HttpRequest.get("https://127.0.0.1:" + site.port() + "/a", Purpose.PAGE));
            // the JDK refuses Basic for tunnels unless told otherwise: the CONNECT would stop at the 407
            assertThat(proxy.relayed()).filteredOn(ForwardProxy.Relayed::authorized)
                    .extracting(ForwardProxy.Relayed::line).containsExactly("CONNECT 127.0.0.1:" + site.port());
        }
    }

    @Test
    void credentialsAreNeverShown() {
        ProxySettings p = ProxySettings.fromEnvironment(Map.of("HTTPS_PROXY", "http://inspector:pa55@10.1.2.3:3128"));
        assertThat(p.toString()).contains("inspector:****@10.1.2.3:3128").doesNotContain("pa55");
        assertThat(p.https().server()).isEqualTo("http://10.1.2.3:3128");
        assertThatThrownBy(() -> ProxySettings.fromEnvironment(Map.of("HTTP_PROXY", "socks5://u:pa55@10.1.2.3:1080")))
                .hasMessageContaining("****@").hasMessageNotContaining("pa55");
    }

    @Test
    void noProxyNamesHostsDomainsAndPorts() {
        ProxySettings p = ProxySettings.fromEnvironment(Map.of("HTTP_PROXY", "proxy.local:3128",
                "NO_PROXY", ".gov.cn,intranet,10.0.0.1:8080"));
        assertThat(p.forUri(URI.create("http://www.gov.cn/"))).isEmpty();
        assertThat(p.forUri(URI.create("http://gov.cn/"))).isEmpty();
        assertThat(p.forUri(URI.create("http://a.intranet/"))).isEmpty();
        assertThat(p.forUri(URI.create("http://10.0.0.1:8080/"))).isEmpty();
        assertThat(p.forUri(URI.create("http://10.0.0.1/"))).isPresent();
        assertThat(p.forUri(URI.create("http://www.gov.cn.example.com/"))).isPresent();
        assertThat(p.forUri(URI.create("https://www.example.com/"))).as("no https proxy").isEmpty();
        assertThat(p.http().port()).isEqualTo(3128);
    }
}
