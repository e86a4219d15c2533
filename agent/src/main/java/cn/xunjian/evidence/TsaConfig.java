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

    /**
     * What is wrong with a TSA URL as configured, or empty: it must be http(s), and carry no user or password,
     * which would otherwise reach the logs and reports that name the URL.
     */
    public static java.util.Optional<String> problemWith(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return java.util.Optional.of("应为 http(s) 地址：" + url);
            }
            if (uri.getRawUserInfo() != null) {
                return java.util.Optional.of("地址中不能含账号密码，请分别写在 user、password 中（命令行用环境变量 XUNJIAN_TSA_USER、XUNJIAN_TSA_PASSWORD）");
            }
            return java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of("地址格式错误：" + url);
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
