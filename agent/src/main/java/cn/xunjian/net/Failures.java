package cn.xunjian.net;

import cn.xunjian.net.HttpFailure.Problem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** What a transport's exception means, as a {@link Problem} and in the Chinese of link reports. */
final class Failures {
    private Failures() {
    }

    static Problem problem(Throwable t) {
        if (t instanceof PlainHttpClient.TimeoutException te) {
            return te.connecting ? Problem.CONNECT_TIMEOUT : Problem.TIMEOUT;
        }
        if (t instanceof HttpConnectTimeoutException) {
            return Problem.CONNECT_TIMEOUT;
        }
        if (t instanceof HttpTimeoutException) {
            return Problem.TIMEOUT;
        }
        if (causeIs(t, UnknownHostException.class)) {
            return Problem.DNS;
        }
        if (causeIs(t, NoRouteToHostException.class) || unreachable(t)) {
            return Problem.UNREACHABLE;
        }
        if (causeIs(t, ConnectException.class)) {
            return Problem.REFUSED;
        }
        if (t instanceof IllegalArgumentException) {
            return Problem.BAD_URL;
        }
        return Problem.NETWORK;
    }

    /** The message of a hop that failed with {@code t} under {@code timeout}. */
    static String describe(Throwable t, Duration timeout) {
        if (t instanceof PlainHttpClient.TimeoutException te) {
            return te.connecting ? "连接超时" : "响应超时（" + timeout.toSeconds() + "秒）";
        }
        return describe(t);
    }

    static String describe(Throwable t) {
        if (t instanceof HttpConnectTimeoutException) {
            return "连接超时";
        }
        if (t instanceof HttpTimeoutException) {
            return "响应超时";
        }
        if (causeIs(t, UnknownHostException.class)) {
            return "域名解析失败（DNS）";
        }
        if (causeIs(t, NoRouteToHostException.class) || unreachable(t)) {
            return "主机不可达（无路由）";
        }
        if (causeIs(t, ConnectException.class)) {
            return "连接被拒绝";
        }
        if (t instanceof IOException) {
            return "网络错误：" + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        if (t instanceof IllegalArgumentException) {
            return "链接地址格式错误";
        }
        return "检查出错：" + t;
    }

    /** ENETUNREACH comes as a plain socket exception whose message says so. */
    private static boolean unreachable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SocketException && c.getMessage() != null
                    && c.getMessage().contains("Network is unreachable")) {
                return true;
            }
        }
        return false;
    }

    private static boolean causeIs(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
