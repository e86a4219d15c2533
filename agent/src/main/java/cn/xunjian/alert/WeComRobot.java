package cn.xunjian.alert;

import cn.xunjian.net.HttpRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * A WeCom (企业微信) group robot ({@code https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…}): a markdown
 * message, cut to the robot's 4,096-byte content limit.
 */
record WeComRobot(String url, int maxContentBytes) implements AlertChannel {

    public WeComRobot(String url) {
        this(url, AlertDefaults.standard().wecomMaxContentBytes());
    }

    @Override
    public String name() {
        return "wecom " + AlertChannel.redact(url);
    }

    @Override
    public HttpRequest request(AlertEvent event, Duration timeout) {
        ObjectNode body = Payloads.object();
        body.put("msgtype", "markdown");
        body.putObject("markdown").put("content", Payloads.limit(event.markdown(), maxContentBytes));
        return Payloads.post(url, body, timeout);
    }

    @Override
    public String toString() {
        return name();
    }
}
