package cn.xunjian.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.net.ntp.NtpV3Impl;
import org.apache.commons.net.ntp.NtpV3Packet;
import org.apache.commons.net.ntp.TimeStamp;
import org.junit.jupiter.api.Test;

/** The capture environment's clock offset, measured against an SNTP server on 127.0.0.1 whose clock runs ahead. */
class ClockOffsetTest {
    private static final long AHEAD_MILLIS = 5_000;

    /** Answers each request as an NTP server (mode 4, stratum 1) whose clock is {@link #AHEAD_MILLIS} ahead. */
    private static final class AheadServer implements AutoCloseable {
        private final DatagramSocket socket;
        private final Thread thread;

        AheadServer() throws Exception {
            socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            thread = new Thread(this::serve, "sntp-fixture");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            byte[] buf = new byte[48];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket in = new DatagramPacket(buf, buf.length);
                    socket.receive(in);
                    NtpV3Packet request = new NtpV3Impl();
                    request.setDatagramPacket(in);
                    NtpV3Impl reply = new NtpV3Impl();
                    reply.setMode(NtpV3Packet.MODE_SERVER);
                    reply.setVersion(NtpV3Packet.VERSION_3);
                    reply.setStratum(1);
                    reply.setOriginateTimeStamp(request.getTransmitTimeStamp());
                    TimeStamp now = TimeStamp.getNtpTime(System.currentTimeMillis() + AHEAD_MILLIS);
                    reply.setReceiveTimeStamp(now);
                    reply.setTransmitTime(now);
                    DatagramPacket out = reply.getDatagramPacket();
                    out.setAddress(in.getAddress());
                    out.setPort(in.getPort());
                    socket.send(out);
                } catch (Exception e) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    @Test
    void theOffsetIsMeasuredAgainstTheConfiguredServer() throws Exception {
        try (AheadServer server = new AheadServer()) {
            String said = ClockOffset.measure("127.0.0.1:" + server.port(), NetworkScope.LOOPBACK_ONLY,
                    Duration.ofSeconds(5));
            Matcher m = Pattern.compile("本机时钟偏差 ([+-]\\d+) 毫秒").matcher(said);
            assertThat(m.find()).as(said).isTrue();
            assertThat(Long.parseLong(m.group(1))).isBetween(AHEAD_MILLIS - 1_000, AHEAD_MILLIS + 1_000);
        }
    }

    @Test
    void aServerThatNeverAnswersIsSaidSo() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            assertThat(ClockOffset.measure("127.0.0.1:" + silent.getLocalPort(), NetworkScope.LOOPBACK_ONLY,
                    Duration.ofMillis(300))).contains("未应答");
        }
    }

    @Test
    void aServerOutsideTheScopeIsNotAskedAndNoneConfiguredIsSaid() {
        assertThat(ClockOffset.measure("ntp.ntsc.ac.cn", NetworkScope.LOOPBACK_ONLY, Duration.ofSeconds(1)))
                .contains("超出允许访问的网络范围");
        assertThat(ClockOffset.measure(null, NetworkScope.LOOPBACK_ONLY, Duration.ofSeconds(1))).contains("未配置");
    }
}
