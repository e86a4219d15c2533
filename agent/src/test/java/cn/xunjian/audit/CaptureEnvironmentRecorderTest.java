package cn.xunjian.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.evidence.CaptureEnvironment;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.HttpsFixture;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureEnvironmentRecorderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);

    @Test
    void anHttpsSiteIsRecordedWithItsAddressesAndTheChainItsServerPresented() throws Exception {
        try (HttpsFixture site = HttpsFixture.start("CN=127.0.0.1,O=临江县人民政府");
             HttpStack http = HttpStack.of(NetworkScope.LOOPBACK_ONLY)) {
            CaptureEnvironment env = new CaptureEnvironmentRecorder(NetworkScope.LOOPBACK_ONLY, Duration.ofSeconds(5),
                    CLOCK, null, "无").record(List.of(SiteFile.of("临江县人民政府", site.url()),
                    SiteFile.of("临江县人民政府（同一主机）", site.url() + "index.html")), "146.0.7680.80", http);
            assertThat(env.hosts()).hasSize(1);
            CaptureEnvironment.Host host = env.hosts().get(0);
            assertThat(host.problem()).isNull();
            assertThat(host.addresses()).containsExactly("127.0.0.1");
            assertThat(host.tls()).hasSize(1);
            CaptureEnvironment.Certificate cert = host.tls().get(0);
            assertThat(cert.subject()).isEqualTo(site.certificate().getSubjectX500Principal().getName());
            assertThat(cert.issuer()).isEqualTo(cert.subject());
            assertThat(cert.sha256()).isEqualTo(HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(site.certificate().getEncoded())));
            assertThat(env.chromium()).isEqualTo("146.0.7680.80");
            assertThat(env.devices()).extracting(CaptureEnvironment.Device::viewport)
                    .containsExactly("1366×900 @1x", "390×844 @3x 移动", "390×844 @3x 移动");
            assertThat(env.httpUserAgent()).contains("Xunjian");
            assertThat(env.recordedAt()).isEqualTo("2026-11-22T02:00:00+08:00");
        }
    }

    @Test
    void aHostOutsideTheScopeIsNamedButNotContacted() {
        try (HttpStack http = HttpStack.of(NetworkScope.LOOPBACK_ONLY)) {
            CaptureEnvironment env = new CaptureEnvironmentRecorder(NetworkScope.LOOPBACK_ONLY, Duration.ofSeconds(5),
                    CLOCK, null, "无").record(List.of(SiteFile.of("某网站", "https://www.example.gov.cn/")), "x", http);
            assertThat(env.hosts().get(0).addresses()).isEmpty();
            assertThat(env.hosts().get(0).problem()).isEqualTo("超出允许访问的网络范围，未解析、未连接");
        }
    }
}
