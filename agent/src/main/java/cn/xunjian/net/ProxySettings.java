package cn.xunjian.net;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The forward proxies this machine must use, as inspectors' government networks often require: one for http, one
 * for https (either may be absent), and the hosts reached directly ({@code NO_PROXY}). The same settings serve
 * the HTTP stack and Chromium. Credentials come from a proxy URL's user-info or from
 * {@code XUNJIAN_PROXY_USER} / {@code XUNJIAN_PROXY_PASSWORD}; they are never shown: {@link #toString()} and
 * {@link Proxy#masked()} replace them with {@code ****}.
 *
 * @param http    the proxy of http URLs, or null
 * @param https   the proxy of https URLs, or null
 * @param noProxy the {@code NO_PROXY} entries, lower case: {@code *}, a host, a domain ({@code .gov.cn} or
 *                {@code gov.cn}, each with its subdomains), either with {@code :port}
 */
public record ProxySettings(Proxy http, Proxy https, List<String> noProxy) {
    /** No proxy at all: every host is reached directly. */
    public static final ProxySettings NONE = new ProxySettings(null, null, List.of());

    public ProxySettings {
        noProxy = List.copyOf(noProxy);
    }

    /** One proxy server. {@code user} and {@code password} are null when it needs none. */
    public record Proxy(String scheme, String host, int port, String user, String password) {
        /** {@code http://host:port}: what Chromium is given as its server. */
        public String server() {
            return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }

        public boolean hasCredentials() {
            return user != null;
        }

        /** {@code http://user:****@host:port}, fit for logs and reports. */
        public String masked() {
            String s = server();
            return user == null ? s : s.replace("://", "://" + user + ":****@");
        }

        @Override
        public String toString() {
            return masked();
        }
    }

    /**
     * From {@code HTTP_PROXY}, {@code HTTPS_PROXY} and {@code NO_PROXY}, each also in lower case (the lower-case
     * name wins, as curl reads them), and {@code XUNJIAN_PROXY_USER} / {@code XUNJIAN_PROXY_PASSWORD} for a proxy
     * whose URL names no user.
     *
     * @throws IllegalArgumentException for a proxy URL that is not {@code http://host[:port]}
     */
    public static ProxySettings fromEnvironment(Map<String, String> env) {
        String user = blankToNull(env.get("XUNJIAN_PROXY_USER"));
        String password = blankToNull(env.get("XUNJIAN_PROXY_PASSWORD"));
        Proxy http = parse(either(env, "http_proxy"), user, password);
        Proxy https = parse(either(env, "https_proxy"), user, password);
        return new ProxySettings(http, https, noProxyList(either(env, "no_proxy")));
    }

    /** From the process environment. */
    public static ProxySettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * The same {@code NO_PROXY}, but every URL through {@code url} ({@code --proxy}, a schedule file's
     * {@code proxy}); credentials from the URL or the environment's {@code XUNJIAN_PROXY_USER} / _PASSWORD.
     */
    public ProxySettings withProxy(String url, Map<String, String> env) {
        Proxy p = parse(url, blankToNull(env.get("XUNJIAN_PROXY_USER")), blankToNull(env.get("XUNJIAN_PROXY_PASSWORD")));
        return new ProxySettings(p, p, noProxy);
    }

    public boolean isEmpty() {
        return http == null && https == null;
    }

    /** The proxy a request to {@code uri} goes through; empty when it goes directly. */
    public Optional<Proxy> forUri(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Proxy p = scheme.equals("https") ? https : scheme.equals("http") ? http : null;
        if (p == null || uri.getHost() == null || bypasses(uri)) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /** Whether {@code NO_PROXY} names {@code uri}'s host (and port, where the entry gives one). */
    public boolean bypasses(URI uri) {
        String host = unbracket(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        for (String entry : noProxy) {
            if (entry.equals("*")) {
                return true;
            }
            String name = entry;
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && !entry.endsWith("]") && entry.indexOf(':') == colon) {
                if (!entry.substring(colon + 1).equals(Integer.toString(port))) {
                    continue;
                }
                name = entry.substring(0, colon);
            }
            name = unbracket(name.startsWith(".") ? name.substring(1) : name);
            if (host.equals(name) || host.endsWith("." + name)) {
                return true;
            }
        }
        return false;
    }

    /** Chromium's bypass list: the same entries, comma-separated ({@code .gov.cn} reaches subdomains too). */
    public String chromiumBypass() {
        List<String> out = new ArrayList<>();
        for (String e : noProxy) {
            out.add(e);
            if (!e.startsWith(".") && !e.equals("*") && !Character.isDigit(e.charAt(0)) && !e.startsWith("[")) {
                out.add("." + e); // NO_PROXY=gov.cn covers www.gov.cn; Chromium's "gov.cn" would not
            }
        }
        return String.join(",", out);
    }

    @Override
    public String toString() {
        return "http=" + http + ", https=" + https + ", no_proxy=" + String.join(",", noProxy);
    }

    static Proxy parse(String url, String envUser, String envPassword) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String s = url.trim();
        if (!s.contains("://")) {
            s = "http://" + s; // HTTP_PROXY=proxy.example:3128, as curl accepts
        }
        URI u;
        try {
            u = URI.create(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("代理地址格式错误：" + maskUserInfo(url));
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") || u.getHost() == null) {
            throw new IllegalArgumentException("代理地址应为 http://主机:端口：" + maskUserInfo(url));
        }
        String user = envUser;
        String password = envPassword;
        String info = u.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? "" : decode(info.substring(colon + 1));
        }
        if (user != null && password == null) {
            password = "";
        }
        return new Proxy(scheme, unbracket(u.getHost()), u.getPort() < 0 ? 80 : u.getPort(), user, password);
    }

    /** {@code url} with any user-info replaced, for error messages. */
    public static String maskUserInfo(String url) {
        if (url == null) {
            return null;
        }
        return url.replaceAll("(://)[^/@]*@", "$1****@");
    }

    private static String either(Map<String, String> env, String lower) {
        String v = blankToNull(env.get(lower));
        return v != null ? v : blankToNull(env.get(lower.toUpperCase(Locale.ROOT)));
    }

    private static List<String> noProxyList(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                String e = part.trim().toLowerCase(Locale.ROOT);
                if (!e.isEmpty()) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
