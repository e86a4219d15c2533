package cn.xunjian.alert;

import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.testing.FixtureServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertDispatcherTest {
    private final Receiver receiver = new Receiver();
    private final List<Duration> waits = new ArrayList<>();

    @AfterEach
    void close() {
        receiver.close();
    }

    private AlertDispatcher dispatcher(AlertChannel channel, int attempts) {
        return new AlertDispatcher(List.of(channel), HttpStack.of(NetworkScope.LOOPBACK_ONLY), new Retry(attempts, 1000, 5000),
                Duration.ofSeconds(5), waits::add);
    }

    @Test
    void serverErrorsAreRetriedWithGrowingWaitsUntilTheReceiverAccepts() {
        receiver.answer(500, "").answer(503, "busy").answer(200, "{\"errcode\":0}");
        List<Delivery> result = dispatcher(new JsonWebhook(receiver.url("/hook"), Events.CLOCK), 5)
                .dispatch(Events.veto());
        assertThat(result).singleElement().satisfies(d -> {
            assertThat(d.delivered()).isTrue();
            assertThat(d.attempts()).isEqualTo(3);
        });
        assertThat(receiver.requests()).hasSize(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void deliveryIsGivenUpAfterTheLastAttemptAndWaitsAreCapped() {
        receiver.answer(502, "bad gateway");
        List<Delivery> result = dispatcher(new WeComRobot(receiver.url("/send?key=k")), 5).dispatch(Events.streak());
        assertThat(result).singleElement().satisfies(d -> {
            assertThat(d.delivered()).isFalse();
            assertThat(d.attempts()).isEqualTo(5);
            assertThat(d.detail()).contains("HTTP 502");
        });
        assertThat(receiver.requests()).hasSize(5);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(5));
    }

    @Test
    void aRobotRefusingTheMessageWithAnErrcodeIsNotRetried() {
        receiver.answer(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
        List<Delivery> result = dispatcher(new DingTalkRobot(receiver.url("/robot/send?access_token=a"), "SECx",
                Events.CLOCK), 4).dispatch(Events.veto());
        assertThat(result).singleElement().satisfies(d -> {
            assertThat(d.delivered()).isFalse();
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.detail()).contains("sign not match");
        });
        assertThat(waits).isEmpty();
    }

    @Test
    void aClientErrorIsNotRetried() {
        receiver.answer(404, "");
        assertThat(dispatcher(new JsonWebhook(receiver.url("/gone"), Events.CLOCK), 4).dispatch(Events.veto()))
                .singleElement().satisfies(d -> assertThat(d.attempts()).isEqualTo(1));
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void anUnreachableReceiverIsRetriedAndReportedWithoutThrowing() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        List<Delivery> result = dispatcher(new JsonWebhook("http://127.0.0.1:" + closedPort + "/hook", Events.CLOCK), 3)
                .dispatch(Events.streak());
        assertThat(result).singleElement().satisfies(d -> {
            assertThat(d.delivered()).isFalse();
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.detail()).contains("网络错误");
        });
    }

    @Test
    void everyChannelGetsTheEventEvenWhenOneFails() {
        try (Receiver healthy = new Receiver()) {
            receiver.answer(500, "");
            AlertDispatcher dispatcher = new AlertDispatcher(List.of(
                    new JsonWebhook(receiver.url("/down"), Events.CLOCK),
                    new WeComRobot(healthy.url("/send?key=k"))), HttpStack.of(NetworkScope.LOOPBACK_ONLY), new Retry(2, 10, 10),
                    Duration.ofSeconds(5), waits::add);
            List<Delivery> result = dispatcher.dispatch(Events.veto());
            assertThat(result).extracting(Delivery::delivered).containsExactly(false, true);
            assertThat(healthy.requests()).hasSize(1);
        }
    }

    @Test
    void anInterruptedWaitStopsRetryingAndKeepsTheInterruptFlag() {
        receiver.answer(500, "");
        AlertDispatcher dispatcher = new AlertDispatcher(List.of(new JsonWebhook(receiver.url("/h"), Events.CLOCK)),
                HttpStack.of(NetworkScope.LOOPBACK_ONLY), new Retry(4, 10, 10), Duration.ofSeconds(5), d -> {
                    throw new InterruptedException();
                });
        try {
            assertThat(dispatcher.dispatch(Events.veto())).singleElement()
                    .satisfies(d -> assertThat(d.attempts()).isEqualTo(1));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aWebhookThatRedirectsToAnotherHostIsNotFollowedThereAndNotRetried() {
        try (FixtureServer hook = new FixtureServer(); FixtureServer other = FixtureServer.on("127.0.0.2")) {
            hook.redirect("/hook", 307, other.url("/hook"));

            List<Delivery> result = dispatcher(new JsonWebhook(hook.url("/hook"), Events.CLOCK), 3)
                    .dispatch(Events.veto());

            assertThat(result).singleElement().satisfies(d -> {
                assertThat(d.delivered()).isFalse();
                assertThat(d.attempts()).isEqualTo(1);
                assertThat(d.detail()).startsWith("HTTP 307");
            });
            assertThat(hook.requests()).isEqualTo(1);
            assertThat(other.requests()).isZero();
        }
    }

    @Test
    void aWebhookOutsideTheStacksScopeIsNeverRequested() {
        try (FixtureServer other = FixtureServer.on("127.0.0.2")) {
            List<Delivery> result = dispatcher(new WeComRobot(other.url("/send?key=k")), 3).dispatch(Events.streak());

            assertThat(result).singleElement().satisfies(d -> {
                assertThat(d.delivered()).isFalse();
                assertThat(d.attempts()).isEqualTo(1);
                assertThat(d.detail()).contains("超出允许访问的网络范围").doesNotContain("key=k");
            });
            assertThat(other.requests()).isZero();
            assertThat(waits).isEmpty();
        }
    }
}
