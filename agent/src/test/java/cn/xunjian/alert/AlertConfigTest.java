package cn.xunjian.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AlertConfigTest {

    @Test
    void aFileWithThreeWebhooksGivesThreeChannelsAndDefaults() {
        AlertConfig config = AlertConfig.parse("""
                { "webhooks": [
                  { "type": "dingtalk", "url": "https://oapi.dingtalk.com/robot/send?access_token=t", "secret": "SECx" },
                  { "type": "wecom", "url": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k" },
                  { "type": "json", "url": "http://127.0.0.1:8080/hook" } ] }
                """, "alerts.json");
        assertThat(config.channels(Events.CLOCK)).hasExactlyElementsOfTypes(DingTalkRobot.class, WeComRobot.class,
                JsonWebhook.class);
        assertThat(config.failureStreak()).isEqualTo(3);
        assertThat(config.retry().maxAttempts()).isEqualTo(4);
        assertThat(((DingTalkRobot) config.channels(Events.CLOCK).get(0)).secret()).isEqualTo("SECx");
    }

    @Test
    void streakAndRetryCanBeSet() {
        AlertConfig config = AlertConfig.parse("""
                { "failureStreak": 5, "retry": { "maxAttempts": 2, "initialBackoffMillis": 50, "maxBackoffMillis": 100 },
                  "webhooks": [] }
                """, "alerts.json");
        assertThat(config.failureStreak()).isEqualTo(5);
        assertThat(config.retry()).isEqualTo(new Retry(2, 50, 100));
    }

    @Test
    void anUnknownTypeNamesTheField() {
        assertThatThrownBy(() -> AlertConfig.parse("{\"webhooks\":[{\"type\":\"feishu\",\"url\":\"https://x.cn/\"}]}",
                "alerts.json"))
                .isInstanceOf(AlertConfigException.class)
                .hasMessageContaining("alerts.json").hasMessageContaining("webhooks[0].type").hasMessageContaining("feishu");
    }

    @Test
    void anUnknownKeyNamesTheFieldAndLine() {
        assertThatThrownBy(() -> AlertConfig.parse("{\n \"webhooks\": [\n {\"type\":\"json\",\"url\":\"https://x.cn/\",\n"
                + " \"token\":\"t\"}]}", "alerts.json"))
                .isInstanceOf(AlertConfigException.class)
                .hasMessageContaining("webhooks[0].token").hasMessageContaining("第 4 行");
    }

    @Test
    void aSecretOnANonDingTalkWebhookAndABadUrlAreRejected() {
        assertThatThrownBy(() -> AlertConfig.parse(
                "{\"webhooks\":[{\"type\":\"wecom\",\"url\":\"https://x.cn/\",\"secret\":\"s\"}]}", "a.json"))
                .hasMessageContaining("webhooks[0].secret");
        assertThatThrownBy(() -> AlertConfig.parse("{\"webhooks\":[{\"type\":\"json\",\"url\":\"ftp://x.cn/\"}]}",
                "a.json")).hasMessageContaining("webhooks[0].url");
        assertThatThrownBy(() -> AlertConfig.parse("{\"failureStreak\":0}", "a.json"))
                .hasMessageContaining("failureStreak");
    }

    @Test
    void backoffDoublesAndIsCapped() {
        Retry retry = new Retry(6, 1000, 5000);
        assertThat(retry.backoff(1)).hasMillis(1000);
        assertThat(retry.backoff(2)).hasMillis(2000);
        assertThat(retry.backoff(3)).hasMillis(4000);
        assertThat(retry.backoff(4)).hasMillis(5000);
        assertThat(retry.backoff(60)).hasMillis(5000);
    }
}
