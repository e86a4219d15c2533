package cn.xunjian.alert;

import cn.xunjian.net.HttpEventListener;
import cn.xunjian.net.HttpFailure;
import cn.xunjian.net.HttpOutcome;
import cn.xunjian.net.HttpResponse;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.net.OutOfScope;
import cn.xunjian.net.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each event to every channel through the HTTP stack, which retries failed deliveries with bounded
 * exponential backoff. A network error, a 5xx or a 429 is retried; another status, or a robot's non-zero
 * {@code errcode} (wrong sign, missing keyword), is final, since repeating the same request cannot fix it.
 * Redirects are not followed (a webhook that moved answers with its 3xx). Results are logged and returned;
 * nothing is thrown to the caller, so an alert never breaks an audit or a probe job.
 */
public final class AlertDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
    private final List<AlertChannel> channels;
    private final HttpStack http;
    private final Retry retry;
    private final Duration timeout;
    private final Sleeper sleeper;

    public AlertDispatcher(List<AlertChannel> channels, HttpStack http, Retry retry, Duration timeout,
                           Sleeper sleeper) {
        this.channels = List.copyOf(channels);
        this.http = http;
        this.retry = retry;
        this.timeout = timeout;
        this.sleeper = sleeper;
    }

    /** A dispatcher for a config: its channels and retry policy, a stack of its own (any host), real waiting. */
    public static AlertDispatcher of(AlertConfig config, Clock clock) {
        Duration timeout = Duration.ofSeconds(AlertDefaults.standard().requestTimeoutSeconds());
        HttpStack http = HttpStack.builder(NetworkScope.ANY).timeout(timeout)
                .listener(HttpEventListener.debugLog()).build();
        return new AlertDispatcher(config.channels(clock), http, config.retry(), timeout, Sleeper.REAL);
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
        RetryPolicy.Tried tried;
        try {
            tried = http.send(channel.request(event, timeout), retry, sleeper::sleep);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(channel.name(), event.type(), false, 1, "被中断：");
        }
        HttpOutcome outcome = tried.outcome();
        String detail;
        boolean accepted = false;
        if (outcome instanceof HttpResponse resp) {
            String body = resp.body() == null ? "" : new String(resp.body(), StandardCharsets.UTF_8);
            detail = "HTTP " + resp.status() + " " + excerpt(body);
            accepted = channel.accepted(resp.status(), body);
        } else if (outcome instanceof HttpFailure f) {
            detail = "网络错误：" + (f.cause() != null ? f.cause() : f.message());
        } else {
            detail = OutOfScope.REASON + "：" + AlertChannel.redact(outcome.url());
        }
        if (Thread.currentThread().isInterrupted()) {
            return new Delivery(channel.name(), event.type(), false, tried.attempts(), "被中断：" + detail);
        }
        return new Delivery(channel.name(), event.type(), accepted, tried.attempts(), detail);
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
