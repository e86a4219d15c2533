package cn.xunjian.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Sends one request and reads one response, nothing more: no redirects, no scope, no limits (the stack does
 * those). Thread-safe.
 */
interface Transport extends AutoCloseable {
    /**
     * @throws PlainHttpClient.TimeoutException when the hop did not complete within {@code timeout}
     * @throws IOException                      on any other transport error
     * @param address                         where to connect, as the stack's {@link HostResolver} answered; null
     *                                          for the transport's own lookup of the URI's host
     * @throws IllegalArgumentException          when the URI or a header cannot be sent
     */
    Exchange exchange(String method, URI uri, InetAddress address, RequestHeaders headers, byte[] body,
                      BodyPolicy policy, Duration timeout) throws IOException, InterruptedException;

    /** Closes idle connections. */
    @Override
    void close();

    /**
     * One hop's answer.
     *
     * @param body       what the body policy kept, or null
     * @param setCookies the {@code Set-Cookie} values, or null
     * @param retryAfter the {@code Retry-After} value, or null
     */
    record Exchange(int status, String contentType, String location, byte[] body, boolean truncated,
                    List<String> setCookies, String retryAfter) {
    }
}
