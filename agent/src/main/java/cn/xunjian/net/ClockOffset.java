package cn.xunjian.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.apache.commons.net.ntp.NTPUDPClient;
import org.apache.commons.net.ntp.TimeInfo;

/**
 * How far this machine's clock is from an NTP server's, for the capture environment: a 申辩 may ask whether the
 * times on the evidence were the machine's own guess. SNTP through commons-net; the server is within the run's
 * scope or not asked at all. The answer is a Chinese sentence for {@code environment.json}, never an exception.
 */
public final class ClockOffset {
    private static final int NTP_PORT = 123;

    private ClockOffset() {
    }

    /**
     * @param server {@code host} or {@code host:port} (default port 123), or null when none is configured
     */
    public static String measure(String server, NetworkScope scope, Duration timeout) {
        if (server == null || server.isBlank()) {
            return "未配置 NTP 服务器，未测量本机时钟偏差";
        }
        URI uri;
        try {
            uri = URI.create("ntp://" + server.trim());
        } catch (IllegalArgumentException e) {
            return "NTP 服务器地址无效：" + server;
        }
        String host = uri.getHost();
        int port = uri.getPort() < 0 ? NTP_PORT : uri.getPort();
        if (host == null) {
            return "NTP 服务器地址无效：" + server;
        }
        if (!scope.allows(uri)) {
            return "NTP 服务器 " + server + " 超出允许访问的网络范围，未测量本机时钟偏差";
        }
        NTPUDPClient client = new NTPUDPClient();
        client.setDefaultTimeout(timeout);
        try {
            client.open();
            TimeInfo info = client.getTime(InetAddress.getByName(host), port);
            info.computeDetails();
            Long offset = info.getOffset();
            Long delay = info.getDelay();
            if (offset == null) {
                return "NTP 服务器 " + server + " 的应答无法计算偏差";
            }
            return String.format(Locale.ROOT, "NTP 服务器 %s：本机时钟偏差 %+d 毫秒（往返 %d 毫秒）", server, offset,
                    delay == null ? -1 : delay);
        } catch (IOException e) {
            return "NTP 服务器 " + server + " 未应答，未测量本机时钟偏差（" + e.getMessage() + "）";
        } finally {
            client.close();
        }
    }
}
