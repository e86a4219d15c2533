package cn.xunjian.alert;

import cn.xunjian.net.HttpRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A DingTalk group robot ({@code https://oapi.dingtalk.com/robot/send?access_token=…}): a markdown message, and,
 * when the robot is secured by 加签, {@code &timestamp=…&sign=…} appended to the URL, where sign is
 * urlEncode(base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret))) and timestamp is epoch millis.
 *
 * @param secret the robot's 加签 secret ({@code SEC…}), or null/blank when the robot uses keywords or IP lists
 */
record DingTalkRobot(String url, String secret, Clock clock, int maxTextBytes) implements AlertChannel {

    public DingTalkRobot(String url, String secret, Clock clock) {
        this(url, secret, clock, AlertDefaults.standard().dingtalkMaxTextBytes());
    }

    @Override
    public String name() {
        return "dingtalk " + AlertChannel.redact(url);
    }

    @Override
    public HttpRequest request(AlertEvent event, Duration timeout) {
        ObjectNode body = Payloads.object();
        body.put("msgtype", "markdown");
        ObjectNode markdown = body.putObject("markdown");
        markdown.put("title", event.title());
        markdown.put("text", Payloads.limit(event.markdown(), maxTextBytes));
        return Payloads.post(signedUrl(), body, timeout);
    }

    /** The URL to post to: as configured, plus timestamp and sign when a secret is set. */
    public String signedUrl() {
        if (secret == null || secret.isBlank()) {
            return url;
        }
        long timestamp = clock.millis();
        return url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign=" + sign(timestamp, secret);
    }

    /** DingTalk's signature, URL-encoded, ready for the query string. */
    public static String sign(long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(digest), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
