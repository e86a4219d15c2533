package cn.xunjian.net;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The event listener that writes debug lines; only installed when debug logging is on, so it costs nothing else. */
final class DebugLog implements HttpEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(HttpStack.class);

    static HttpEventListener ifEnabled() {
        return LOG.isDebugEnabled() ? new DebugLog() : NONE;
    }

    @Override
    public void redirected(HttpRequest request, String from, String to, int status) {
        LOG.debug("{} {} redirected ({}) to {}", request.method(), from, status, to);
    }

    @Override
    public void refusedByScope(HttpRequest request, String url) {
        LOG.debug("{} {} not sent: {}", request.method(), url, OutOfScope.REASON);
    }

    @Override
    public void finished(HttpRequest request, HttpOutcome outcome, long nanos) {
        String how;
        if (outcome instanceof HttpResponse r) {
            how = "HTTP " + r.status();
        } else if (outcome instanceof HttpFailure f) {
            how = f.message();
        } else {
            how = OutOfScope.REASON;
        }
        LOG.debug("{} {} ({}): {} in {} ms", request.method(), request.url(), request.purpose(), how,
                nanos / 1_000_000);
    }

    @Override
    public void retrying(HttpRequest request, int attempt, HttpOutcome outcome, Duration wait) {
        LOG.debug("{} {} attempt {} failed, retrying in {} ms", request.method(), request.url(), attempt,
                wait.toMillis());
    }
}
