package cn.xunjian.alert;

import cn.xunjian.internal.Json;
import cn.xunjian.internal.JsonFieldLines;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where alerts go, read from JSON:
 * <pre>{@code
 * { "failureStreak": 3,
 *   "retry": { "maxAttempts": 4, "initialBackoffMillis": 1000, "maxBackoffMillis": 30000 },
 *   "webhooks": [ { "type": "dingtalk", "url": "https://oapi.dingtalk.com/robot/send?access_token=…", "secret": "SEC…" },
 *                 { "type": "wecom", "url": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" },
 *                 { "type": "json", "url": "https://ops.example.gov.cn/hooks/xunjian" } ] }
 * }</pre>
 * {@code failureStreak} and {@code retry} are optional (defaults in {@code alert-defaults.json}); unknown keys are an
 * error.
 *
 * @param failureStreak consecutive failed probes that raise a {@link AlertEvent.ProbeStreak}
 */
public record AlertConfig(List<Webhook> webhooks, Integer failureStreak, Retry retry) {
    private static final Set<String> TYPES = Set.of("dingtalk", "wecom", "json");

    public AlertConfig {
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        AlertDefaults defaults = AlertDefaults.standard();
        failureStreak = failureStreak == null ? defaults.failureStreak() : failureStreak;
        retry = retry == null ? defaults.retry() : retry;
    }

    public AlertConfig(List<Webhook> webhooks) {
        this(webhooks, null, null);
    }

    /**
     * One receiver.
     *
     * @param type {@code dingtalk}, {@code wecom} or {@code json}
     * @param secret DingTalk 加签 secret; only for {@code dingtalk}
     */
    public record Webhook(String type, String url, String secret) {

        /** The channel this webhook describes. */
        public AlertChannel channel(Clock clock) {
            return switch (type) {
                case "dingtalk" -> new DingTalkRobot(url, secret, clock);
                case "wecom" -> new WeComRobot(url);
                case "json" -> new JsonWebhook(url, clock);
                default -> throw new IllegalStateException("unvalidated webhook type " + type);
            };
        }
    }

    /** The channels of all webhooks, in file order. */
    public List<AlertChannel> channels(Clock clock) {
        return webhooks.stream().map(w -> w.channel(clock)).collect(Collectors.toList());
    }

    public static AlertConfig load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new AlertConfigException(file.toString(), "", 0, "无法读取：" + e.getMessage());
        }
    }

    /**
     * @param source names the text in error messages (usually the file path)
     * @throws AlertConfigException naming the field when the JSON is malformed or a value is unusable
     */
    public static AlertConfig parse(String json, String source) {
        AlertConfig config;
        try {
            config = Json.mapper().readValue(json, AlertConfig.class);
        } catch (JsonMappingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new AlertConfigException(source, JsonFieldLines.path(e, ""), line, e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new AlertConfigException(source, "", line, "不是合法的 JSON：" + e.getOriginalMessage());
        }
        config.validate(source);
        return config;
    }

    private void validate(String source) {
        if (failureStreak < 1) {
            throw new AlertConfigException(source, "failureStreak", 0, "必须是不小于 1 的整数");
        }
        for (int i = 0; i < webhooks.size(); i++) {
            Webhook w = webhooks.get(i);
            String at = "webhooks[" + i + "]";
            if (w == null) {
                throw new AlertConfigException(source, at, 0, "不能为空");
            }
            if (w.type() == null || !TYPES.contains(w.type())) {
                throw new AlertConfigException(source, at + ".type", 0,
                        "应为 dingtalk、wecom 或 json，实际为 " + w.type());
            }
            if (w.url() == null || !isHttpUrl(w.url())) {
                throw new AlertConfigException(source, at + ".url", 0, "应为 http 或 https 地址");
            }
            if (w.secret() != null && !w.type().equals("dingtalk")) {
                throw new AlertConfigException(source, at + ".secret", 0, "只有 dingtalk 机器人支持加签 secret");
            }
        }
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
