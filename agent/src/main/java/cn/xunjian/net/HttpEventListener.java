package cn.xunjian.net;

import java.time.Duration;

/**
 * Told what the stack does with each request, as OkHttp's {@code EventListener} is: for logging and counting.
 * Called on the requesting thread; an implementation must be thread-safe and quick, since a crawl sends tens of
 * thousands of requests.
 */
public interface HttpEventListener {
    /** Hears nothing. */
    HttpEventListener NONE = new HttpEventListener() {
    };

    /** SLF4J debug lines of {@code cn.xunjian.net.HttpStack}, or {@link #NONE} when that level is off. */
    static HttpEventListener debugLog() {
        return DebugLog.ifEnabled();
    }

    default void requestStarted(HttpRequest request) {
    }

    /** {@code from} answered with a redirect to {@code to}; the next hop, if the scope allows it, goes there. */
    default void redirected(HttpRequest request, String from, String to, int status) {
    }

    /** {@code url} lies outside the scope: nothing was sent to it. */
    default void refusedByScope(HttpRequest request, String url) {
    }

    /** The exchange is over, redirects included. */
    default void finished(HttpRequest request, HttpOutcome outcome, long nanos) {
    }

    /** Attempt {@code attempt} ended in {@code outcome}; the next one starts after {@code wait}. */
    default void retrying(HttpRequest request, int attempt, HttpOutcome outcome, Duration wait) {
    }
}
