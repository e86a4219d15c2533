package cn.xunjian.evidence;

import java.util.List;

/**
 * Where and how a run captured its evidence, written as {@code environment.json}, listed in both manifests and so
 * signed and stamped with the evidence: what a site operator may ask about in a 申辩 (which software, from which
 * network, what the site's address and certificate were).
 *
 * @param xunjianVersion the agent's version
 * @param chromium       the browser's version as Chromium reports it
 * @param devices        the device profiles pages are rendered with: name, viewport and user agent
 * @param httpUserAgent  the user agent of the HTTP requests (a site file's own is listed with its host)
 * @param hosts          each audited site's host as this machine saw it
 * @param proxy          the proxy settings in effect (without credentials), or {@code 无}
 * @param timeZone       the machine's time zone; times in the evidence are Asia/Shanghai
 * @param clock          how the machine's clock was checked: the NTP offset, or why it was not
 * @param recordedAt     when this record was made
 */
public record CaptureEnvironment(String xunjianVersion, String chromium, List<Device> devices, String httpUserAgent,
                                 List<Host> hosts, String proxy, String timeZone, String clock, String recordedAt) {
    public CaptureEnvironment {
        devices = List.copyOf(devices);
        hosts = List.copyOf(hosts);
    }

    public static final String FILE = "environment.json";

    public record Device(String profile, String viewport, String userAgent) {
    }

    /**
     * @param addresses the addresses the name resolved to
     * @param userAgent the site file's own user agent for this host, or null
     * @param tls       the certificate chain presented, leaf first; empty for plain http
     * @param problem   why the name or the chain could not be read, or null
     */
    public record Host(String url, String host, List<String> addresses, String userAgent, List<Certificate> tls,
                       String problem) {
        public Host {
            addresses = List.copyOf(addresses);
            tls = List.copyOf(tls);
        }
    }

    /** One certificate of a chain: who it names, who issued it, its validity and its SHA-256 fingerprint. */
    public record Certificate(String subject, String issuer, String serial, String notBefore, String notAfter,
                              String sha256) {
    }
}
