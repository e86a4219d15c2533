package cn.xunjian.darklink;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.testing.FixtureServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hijack check's plain-HTTP visits, through the stack, against fixture servers on the loopback. */
class HttpProbeTest {
    private final FixtureServer site = new FixtureServer();
    private final FixtureServer casino = FixtureServer.on("127.0.0.2");
    private final HttpStack http = HttpStack.of(NetworkScope.LOOPBACK_ONLY);
    private final HttpProbe probe = new HttpProbe(http, Duration.ofSeconds(5), 5);

    @AfterEach
    void close() {
        http.close();
        site.close();
        casino.close();
    }

    @Test
    void aSpiderRedirectedToAnotherHostIsStoppedThereAndTheRedirectIsRecorded() throws Exception {
        String spam = casino.url("/casino.html");
        site.redirect("/", 302, spam);

        HttpProbe.Result r = probe.fetch(site.url("/"), "Baiduspider", null);

        assertThat(r.error()).isEqualTo("超出允许访问的网络范围");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.redirects()).containsExactly(spam);
        assertThat(r.finalUrl()).isEqualTo(spam);
        assertThat(casino.requests()).isZero();
    }

    @Test
    void aChainThroughTheSiteThatEndsOnAnotherHostIsStoppedAtItsLastHop() throws Exception {
        String spam = casino.url("/casino.html");
        site.redirect("/", 302, "/m/").redirect("/m/", 302, spam);

        HttpProbe.Result r = probe.fetch(site.url("/"), "Baiduspider", "https://www.baidu.com/s?wd=x");

        assertThat(r.error()).isEqualTo("超出允许访问的网络范围");
        assertThat(r.redirects()).containsExactly(site.url("/m/"), spam);
        assertThat(site.requests()).isEqualTo(2);
        assertThat(casino.requests()).isZero();
    }

    @Test
    void theServerSeesTheProfilesUserAgentAndRefererAndTheStacksLanguage() throws Exception {
        site.route("/", ex -> FixtureServer.send(ex, 200, "text/html; charset=utf-8",
                ("<title>" + ex.getRequestHeaders().getFirst("User-Agent") + "|"
                        + ex.getRequestHeaders().getFirst("Referer") + "|"
                        + ex.getRequestHeaders().getFirst("Accept-Language") + "</title>")
                        .getBytes(StandardCharsets.UTF_8)));

        HttpProbe.Result r = probe.fetch(site.url("/"), "Baiduspider/2.0", "https://www.baidu.com/s?wd=%E4%B8%B4");

        assertThat(r.error()).isEmpty();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("<title>Baiduspider/2.0|https://www.baidu.com/s?wd=%E4%B8%B4|zh-CN,zh;q=0.9"
                + "</title>");
    }
}
