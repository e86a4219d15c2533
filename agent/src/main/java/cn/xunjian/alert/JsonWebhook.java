package cn.xunjian.alert;

import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.net.HttpRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;

/**
 * A generic receiver: one JSON object per event,
 * {@code {"type","site":{"name","url"},"title","text","sentAt", …event fields}} where the event fields are
 * {@code finding} (new-veto), {@code failures, since, reason} (probe-streak) or {@code downtimeSeconds} (recovered).
 */
record JsonWebhook(String url, Clock clock) implements AlertChannel {

    @Override
    public String name() {
        return "json " + AlertChannel.redact(url);
    }

    @Override
    public HttpRequest request(AlertEvent event, Duration timeout) {
        return Payloads.post(url, payload(event), timeout);
    }

    /** The JSON body for an event. */
    public ObjectNode payload(AlertEvent event) {
        ObjectNode body = Payloads.object();
        body.put("type", event.type());
        ObjectNode site = body.putObject("site");
        site.put("name", event.site().name());
        site.put("url", event.site().url());
        body.put("title", event.title());
        body.put("text", event.markdown());
        body.put("sentAt", ShanghaiTime.iso(clock));
        if (event instanceof AlertEvent.NewVeto veto) {
            ObjectNode f = body.putObject("finding");
            f.put("indicator", veto.finding().indicator());
            f.put("kind", veto.finding().kind());
            f.put("severity", veto.finding().severity().json());
            f.put("url", veto.finding().url());
            f.put("message", veto.finding().message());
        } else if (event instanceof AlertEvent.ProbeStreak streak) {
            body.put("failures", streak.failures());
            body.put("since", ShanghaiTime.iso(Clock.fixed(streak.since(), ShanghaiTime.ZONE)));
            body.put("reason", streak.reason());
        } else if (event instanceof AlertEvent.Recovered recovered) {
            body.put("downtimeSeconds", recovered.downtime().getSeconds());
        }
        return body;
    }

    @Override
    public String toString() {
        return name();
    }
}
