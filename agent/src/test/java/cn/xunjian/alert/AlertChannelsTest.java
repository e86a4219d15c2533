package cn.xunjian.alert;

import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertChannelsTest {
    private final Receiver receiver = new Receiver();

    @AfterEach
    void close() {
        receiver.close();
    }

    private List<Delivery> send(AlertChannel channel, AlertEvent event) {
        AlertDispatcher dispatcher = new AlertDispatcher(List.of(channel), HttpStack.of(NetworkScope.LOOPBACK_ONLY),
                new Retry(1, 0, 0), Duration.ofSeconds(5), d -> { });
        return dispatcher.dispatch(event);
    }

    @Test
    void dingTalkGetsAMarkdownMessageWithTitleAndText() {
        List<Delivery> result = send(new DingTalkRobot(receiver.url("/robot/send?access_token=abc"), null,
                Events.CLOCK), Events.veto());
        assertThat(result).singleElement().satisfies(d -> assertThat(d.delivered()).isTrue());
        Receiver.Request req = receiver.requests().get(0);
        assertThat(req.method()).isEqualTo("POST");
        assertThat(req.contentType()).startsWith("application/json");
        assertThat(req.query()).isEqualTo("access_token=abc");
        JsonNode json = req.json();
        assertThat(json.get("msgtype").asText()).isEqualTo("markdown");
        assertThat(json.get("markdown").get("title").asText()).isEqualTo("【单项否决】临江市人民政府");
        assertThat(json.get("markdown").get("text").asText()).contains("W-V4").contains("暂无信息")
                .contains("http://127.0.0.1:9/tzgg/");
        assertThat(json.size()).isEqualTo(2);
    }

    @Test
    void aSignedDingTalkRobotGetsTimestampAndTheHmacSignInTheQuery() {
        // Expected value computed outside Java: base64(HmacSHA256("SEC0123456789abcdef",
        // "1700000000000\nSEC0123456789abcdef")), URL-encoded.
        String expected = "TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D";
        assertThat(DingTalkRobot.sign(1_700_000_000_000L, "SEC0123456789abcdef")).isEqualTo(expected);
        send(new DingTalkRobot(receiver.url("/robot/send?access_token=abc"), "SEC0123456789abcdef", Events.CLOCK),
                Events.streak());
        assertThat(receiver.requests()).singleElement().satisfies(r -> assertThat(r.query())
                .isEqualTo("access_token=abc&timestamp=1700000000000&sign=" + expected));
    }

    @Test
    void weComGetsAMarkdownContentMessage() {
        send(new WeComRobot(receiver.url("/cgi-bin/webhook/send?key=k1")), Events.streak());
        JsonNode json = receiver.requests().get(0).json();
        assertThat(json.get("msgtype").asText()).isEqualTo("markdown");
        assertThat(json.get("markdown").size()).isEqualTo(1);
        assertThat(json.get("markdown").get("content").asText()).contains("【无法访问】临江市人民政府")
                .contains("连续3次探测失败").contains("2026-11-22T02:00:00+08:00").contains("超过15秒未响应");
    }

    @Test
    void weComContentIsCutToTheRobotLimitWithoutBreakingCharacters() {
        var longVeto = new AlertEvent.NewVeto(Events.SITE, new cn.xunjian.model.Finding("W-V1", "wording",
                cn.xunjian.model.Severity.VETO, "", "严重表述错误".repeat(600), List.of()));
        send(new WeComRobot(receiver.url("/send"), 4000), longVeto);
        String content = receiver.requests().get(0).json().get("markdown").get("content").asText();
        assertThat(content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4000);
        assertThat(content).endsWith("…（已截断）").doesNotContain("\uFFFD");
    }

    @Test
    void theGenericWebhookGetsTheEventAsJson() {
        send(new JsonWebhook(receiver.url("/hooks/xunjian"), Events.CLOCK), Events.veto());
        send(new JsonWebhook(receiver.url("/hooks/xunjian"), Events.CLOCK),
                new AlertEvent.Recovered(Events.SITE, Duration.ofMinutes(65)));
        JsonNode veto = receiver.requests().get(0).json();
        assertThat(veto.get("type").asText()).isEqualTo("new-veto");
        assertThat(veto.get("site").get("name").asText()).isEqualTo("临江市人民政府");
        assertThat(veto.get("finding").get("indicator").asText()).isEqualTo("W-V4");
        assertThat(veto.get("finding").get("severity").asText()).isEqualTo("veto");
        assertThat(veto.get("sentAt").asText()).isEqualTo("2023-11-15T06:13:20+08:00");
        JsonNode recovered = receiver.requests().get(1).json();
        assertThat(recovered.get("type").asText()).isEqualTo("recovered");
        assertThat(recovered.get("downtimeSeconds").asLong()).isEqualTo(3900);
        assertThat(recovered.get("text").asText()).contains("中断约1小时5分钟");
    }

    @Test
    void channelNamesForLogsHideTheAccessToken() {
        assertThat(new DingTalkRobot("https://oapi.dingtalk.com/robot/send?access_token=SECRET", "SECx", Events.CLOCK)
                .name()).doesNotContain("SECRET").doesNotContain("SECx");
        assertThat(new WeComRobot("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRET").toString())
                .doesNotContain("SECRET");
    }
}
