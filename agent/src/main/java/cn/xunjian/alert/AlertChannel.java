package cn.xunjian.alert;

import cn.xunjian.net.HttpRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;

/** Where alerts go: a robot or webhook that takes one HTTP POST per event. */
sealed interface AlertChannel permits DingTalkRobot, WeComRobot, JsonWebhook {

    /** A name for logs; never contains the secret or the robot's access token. */
    String name();

    /** The POST that delivers the event. */
    HttpRequest request(AlertEvent event, Duration timeout);

    /**
     * Whether the receiver took the message. Robots answer HTTP 200 with {@code {"errcode":0}} on success and
     * a non-zero {@code errcode} (wrong sign, keyword missing, throttled) otherwise.
     */
    default boolean accepted(int status, String body) {
        if (status < 200 || status >= 300) {
            return false;
        }
        try {
            JsonNode node = Payloads.READER.readTree(body);
            return node == null || !node.has("errcode") || node.get("errcode").asInt() == 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** The URL for logs: scheme, host, port and path, without the query (it holds tokens). */
    static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }
}
