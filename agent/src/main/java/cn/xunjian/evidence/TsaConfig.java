package cn.xunjian.evidence;

import java.nio.file.Path;

/**
 * The time-stamping authority a run asks for RFC 3161 tokens ({@code evidence.tsa} in the schedule file, {@code
 * --tsa} on the command line). The credentials go into the request's {@code Authorization} header only, never into a
 * report, a log or {@link #toString()}.
 *
 * @param caCert the certificate (PEM) the TSA's chain ends in, or null: copied into the run as {@code tsa.pem}
 * @param demoCertificate the certificate (PEM) of the demonstration TSA of {@code ./xunjian demo}, kept in the run as
 *     {@code tsa.pem}; null for a real TSA
 */
public record TsaConfig(String url, String user, String password, Path caCert, String demoCertificate) {
    public TsaConfig {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("evidence.tsa.url 不能为空");
        }
    }

    public static TsaConfig of(String url) {
        return new TsaConfig(url, null, null, null, null);
    }

    public boolean hasCredentials() {
        return user != null && !user.isEmpty();
    }

    @Override
    public String toString() {
        return "TsaConfig[" + url + (hasCredentials() ? ", user=***" : "") + "]";
    }
}
