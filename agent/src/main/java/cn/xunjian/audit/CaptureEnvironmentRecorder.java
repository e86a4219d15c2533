package cn.xunjian.audit;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.evidence.CaptureEnvironment;
import cn.xunjian.internal.AgentVersion;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.net.ClockOffset;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.net.ProxySettings;
import cn.xunjian.net.Purpose;
import cn.xunjian.net.TlsChains;
import cn.xunjian.site.SiteFile;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Records the capture environment of a run at its start: this software and browser, the device profiles, and for
 * each audited site the addresses its name resolved to and the TLS chain its server presented. Hosts outside the
 * run's scope are named, not contacted.
 */
final class CaptureEnvironmentRecorder {
    private final NetworkScope scope;
    private final Duration timeout;
    private final Clock clock;

    private final String ntp;
    private final String proxies;

    /**
     * @param ntp the NTP server the clock is measured against, or null
     * @param proxies how the run reaches the sites, credentials masked
     */
    CaptureEnvironmentRecorder(NetworkScope scope, Duration timeout, Clock clock, String ntp, String proxies) {
        this.ntp = ntp;
        this.proxies = proxies;
        this.scope = scope;
        this.timeout = timeout;
        this.clock = clock;
    }

    CaptureEnvironment record(List<SiteFile> sites, String chromium, HttpStack http) {
        List<CaptureEnvironment.Device> devices = Arrays.stream(DeviceProfile.values())
                .map(d -> new CaptureEnvironment.Device(d.name().toLowerCase(Locale.ROOT), d.viewport(), d.userAgent()))
                .toList();
        List<CaptureEnvironment.Host> hosts = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (SiteFile site : sites) {
            URI uri;
            try {
                uri = URI.create(site.url());
            } catch (IllegalArgumentException e) {
                continue;
            }
            String host = uri.getHost() == null ? "" : uri.getHost();
            if (!seen.add(uri.getScheme() + "://" + host + ":" + uri.getPort())) {
                continue;
            }
            hosts.add(host(site, uri, host, http));
        }
        return new CaptureEnvironment(AgentVersion.get(), chromium, devices, http.userAgent("", Purpose.PAGE), hosts,
                proxies, ZoneId.systemDefault().getId(), ClockOffset.measure(ntp, scope, timeout),
                ShanghaiTime.iso(clock));
    }

    private CaptureEnvironment.Host host(SiteFile site, URI uri, String host, HttpStack http) {
        String agent = site.userAgent();
        if (!scope.allows(uri)) {
            return new CaptureEnvironment.Host(site.url(), host, List.of(), agent, List.of(),
                    "超出允许访问的网络范围，未解析、未连接");
        }
        List<String> addresses = new ArrayList<>();
        String problem = null;
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                addresses.add(a.getHostAddress());
            }
        } catch (UnknownHostException e) {
            problem = "域名无法解析：" + host;
        }
        List<CaptureEnvironment.Certificate> chain = new ArrayList<>();
        if ("https".equalsIgnoreCase(uri.getScheme()) && problem == null) {
            TlsChains.Presented presented = TlsChains.of(uri, scope, timeout);
            presented.chain().forEach(c -> chain.add(certificate(c)));
            if (presented.problem() != null) {
                problem = "未能读取 TLS 证书：" + presented.problem();
            }
        }
        return new CaptureEnvironment.Host(site.url(), host, addresses, agent, chain, problem);
    }

    static CaptureEnvironment.Certificate certificate(X509Certificate c) {
        String sha256;
        try {
            sha256 = HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            sha256 = "无法计算：" + e.getMessage();
        }
        return new CaptureEnvironment.Certificate(c.getSubjectX500Principal().getName(),
                c.getIssuerX500Principal().getName(), c.getSerialNumber().toString(16),
                ShanghaiTime.iso(c.getNotBefore().toInstant()), ShanghaiTime.iso(c.getNotAfter().toInstant()), sha256);
    }

    /** The proxies the run goes through ({@code HTTP_PROXY}…, {@code --proxy}), their credentials masked. */
    static String proxies(ProxySettings proxies) {
        return proxies == null || proxies.isEmpty() ? "无" : proxies.toString();
    }
}
