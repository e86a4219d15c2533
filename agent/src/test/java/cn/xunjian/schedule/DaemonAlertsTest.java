package cn.xunjian.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.alert.AlertEvent;
import cn.xunjian.model.Finding;
import cn.xunjian.model.ProbeRecord;
import cn.xunjian.model.Severity;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The daemon's alert wiring against a local webhook receiver: streaks, recoveries and new vetoes, each once. */
class DaemonAlertsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final AlertEvent.Site SITE = new AlertEvent.Site("临江县人民政府", "http://127.0.0.1:9/");

    private HttpServer receiver;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private DaemonAlerts alerts() {
        Schedule.AlertTarget hook = new Schedule.AlertTarget("json",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", null);
        Schedule schedule = new Schedule(Path.of("schedule.json"), List.of(), null, null, null, null, null, null, null,
                null, List.of(hook), null, 1, 1, true, cn.xunjian.net.ProxySettings.NONE, null, null);
        return DaemonAlerts.of(schedule, CLOCK);
    }

    private static ProbeRecord probe(boolean ok) {
        return new ProbeRecord("http", SITE.url(), ok ? 200 : 0, ok ? 200 : 15000, ok, ok ? "" : "超过15秒未响应",
                "2026-11-23T10:00:00+08:00");
    }

    @Test
    void aStreakOfFailedProbesAlertsOnceAndTheRecoveryOnce() {
        try (DaemonAlerts alerts = alerts()) {
            for (int i = 0; i < 6; i++) {
                alerts.probed(SITE, probe(false));
            }
            alerts.probed(SITE, probe(true));
            alerts.probed(SITE, probe(true));
        }
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0)).contains("临江县人民政府").doesNotContain("recovered");
        assertThat(bodies.get(1)).contains("recover");
    }

    @Test
    void onlyVetoFindingsThePreviousRunDidNotHaveAreAlerted() {
        Finding veto = new Finding("W-V1", "darklink.hidden", Severity.VETO, "http://127.0.0.1:9/", "页面存在暗链“澳门葡京”",
                List.of());
        Finding deduct = new Finding("W-D1", "link.broken", Severity.DEDUCT, "http://127.0.0.1:9/a", "坏链", List.of());
        try (DaemonAlerts alerts = alerts()) {
            alerts.audited(SITE, List.of(veto), List.of(veto, deduct));
        }
        assertThat(bodies).isEmpty();
        try (DaemonAlerts alerts = alerts()) {
            alerts.audited(SITE, List.of(), List.of(veto, deduct));
        }
        assertThat(bodies).singleElement().satisfies(b -> assertThat(b).contains("澳门葡京"));
    }
}
