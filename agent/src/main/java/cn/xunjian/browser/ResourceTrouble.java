package cn.xunjian.browser;

import cn.xunjian.net.HttpFailure.Problem;
import java.net.URI;
import java.util.Locale;

/**
 * A resource of a page (script, stylesheet, image, XHR) that failed or had not answered when the page was taken.
 * It never makes the page unreachable: a citizen sees the page without it.
 *
 * @param url     the resource's URL
 * @param host    its host (with the port when it has one), the name reports show
 * @param problem what went wrong, in the HTTP stack's terms, so that reachability can judge it
 * @param reason  a Chinese description ({@code 无响应}, {@code 连接被拒绝}, …)
 * @param millis  how long the request had been waiting (hanging) or took until it failed
 * @param hanging true when the request was still waiting, false when it failed
 */
public record ResourceTrouble(String url, String host, Problem problem, String reason, long millis,
                              boolean hanging) {

    /** The host of {@code url}, lower case, with its port when it names one; the URL itself when it has none. */
    public static String hostOf(String url) {
        try {
            URI u = URI.create(url);
            if (u.getHost() == null) {
                return url;
            }
            String host = u.getHost().toLowerCase(Locale.ROOT);
            return u.getPort() < 0 ? host : host + ":" + u.getPort();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** The host name alone, without the port: what reachability knows hosts by. */
    public String hostName() {
        int colon = host.lastIndexOf(':');
        return colon < 0 || host.endsWith("]") ? host : host.substring(0, colon);
    }

    /**
     * Chromium's network error of a failed request ({@code net::ERR_CONNECTION_REFUSED}) as a problem of the
     * HTTP stack, so that a browser's failure and the crawl's are judged alike.
     */
    static Problem problemOf(String errorText) {
        String e = errorText == null ? "" : errorText;
        if (e.contains("ERR_NAME_NOT_RESOLVED") || e.contains("ERR_NAME_RESOLUTION_FAILED")) {
            return Problem.DNS;
        }
        if (e.contains("ERR_CONNECTION_REFUSED")) {
            return Problem.REFUSED;
        }
        if (e.contains("ERR_ADDRESS_UNREACHABLE") || e.contains("ERR_NETWORK_UNREACHABLE")
                || e.contains("ERR_INTERNET_DISCONNECTED")) {
            return Problem.UNREACHABLE;
        }
        if (e.contains("ERR_CONNECTION_TIMED_OUT")) {
            return Problem.CONNECT_TIMEOUT;
        }
        if (e.contains("ERR_TIMED_OUT")) {
            return Problem.TIMEOUT;
        }
        return Problem.NETWORK;
    }

    static String reasonOf(Problem problem, String errorText) {
        return switch (problem) {
            case DNS -> "域名解析失败（DNS）";
            case REFUSED -> "连接被拒绝";
            case UNREACHABLE -> "无法连接（无路由）";
            case CONNECT_TIMEOUT, TIMEOUT -> "连接超时";
            default -> "加载失败：" + (errorText == null ? "" : errorText);
        };
    }
}
