package cn.xunjian.alert;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each event to every channel, retrying failed deliveries with bounded exponential backoff. A network error,
 * a 5xx or a 429 is retried; another status, or a robot's non-zero {@code errcode} (wrong sign, missing keyword),
 * is final, since repeating the same request cannot fix it. Results are logged and returned; nothing is thrown to
 * the caller, so an alert never breaks an audit or a probe job.
 */
public final class AlertDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
    private final List<AlertChannel> channels;
    private final HttpClient client;
    private final Retry retry;
    private final Duration timeout;
    private final Sleeper sleeper;

    public AlertDispatcher(List<AlertChannel> channels, HttpClient client, Retry retry, Duration timeout,
                           Sleeper sleeper) {
        this.channels = List.copyOf(channels);
        this.client = client;
        this.retry = retry;
        this.timeout = timeout;
        this.sleeper = sleeper;
    }

    /** A dispatcher for a config: its channels and retry policy, a real HTTP client, real waiting. */
    public static AlertDispatcher of(AlertConfig config, Clock clock) {
        Duration timeout = Duration.ofSeconds(AlertDefaults.standard().requestTimeoutSeconds());
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new AlertDispatcher(config.channels(clock), client, config.retry(), timeout, Sleeper.REAL);
    }

    /** Sends the event to every channel in turn; one result per channel. Never throws. */
    public List<Delivery> dispatch(AlertEvent event) {
        List<Delivery> results = new ArrayList<>();
        for (AlertChannel channel : channels) {
            Delivery d;
            try {
                d = deliver(channel, event);
            } catch (RuntimeException e) {
                d = new Delivery(channel.name(), event.type(), false, 0, "内部错误：" + e);
            }
            if (d.delivered()) {
                LOG.info("alert {} for {} delivered to {} after {} attempt(s)", event.type(), event.site().url(),
                        d.channel(), d.attempts());
            } else {
                LOG.warn("alert {} for {} NOT delivered to {} after {} attempt(s): {}", event.type(),
                        event.site().url(), d.channel(), d.attempts(), d.detail());
            }
            results.add(d);
        }
        return results;
    }

    /** Sends several events; results in order. Never throws. */
    public List<Delivery> dispatchAll(List<AlertEvent> events) {
        List<Delivery> results = new ArrayList<>();
        events.forEach(e -> results.addAll(dispatch(e)));
        return results;
    }

    private Delivery deliver(AlertChannel channel, AlertEvent event) {
        String detail = "";
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            boolean retryable;
            try {
                HttpResponse<String> resp = client.send(channel.request(event, timeout),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                detail = "HTTP " + resp.statusCode() + " " + excerpt(resp.body());
                if (channel.accepted(resp.statusCode(), resp.body())) {
                    return new Delivery(channel.name(), event.type(), true, attempt, detail);
                }
                retryable = resp.statusCode() >= 500 || resp.statusCode() == 429;
            } catch (IOException e) {
                detail = "网络错误：" + e;
                retryable = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Delivery(channel.name(), event.type(), false, attempt, "被中断：" + detail);
            }
            if (!retryable) {
                return new Delivery(channel.name(), event.type(), false, attempt, detail);
            }
            if (attempt < retry.maxAttempts()) {
                Duration wait = retry.backoff(attempt);
                LOG.debug("alert to {} failed ({}), retrying in {} ms", channel.name(), detail, wait.toMillis());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Delivery(channel.name(), event.type(), false, attempt, "被中断：" + detail);
                }
            }
        }
        return new Delivery(channel.name(), event.type(), false, retry.maxAttempts(), detail);
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
