package cn.xunjian.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;

/** Plain-http GET and HEAD over {@link PlainHttpClient}. */
final class PlainTransport implements Transport {
    private final PlainHttpClient client;

    PlainTransport(PlainHttpClient client) {
        this.client = client;
    }

    @Override
    public Exchange exchange(String method, URI uri, InetAddress address, RequestHeaders headers, byte[] body,
                             BodyPolicy policy, Duration timeout) throws IOException {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String target = target(uri);
        if (!isAscii(target)) {
            target = target(URI.create(uri.toASCIIString())); // as a browser sends it: UTF-8, percent-encoded
        }
        PlainHttpClient.Response r = client.send(method, host, address, uri.getPort(), target, headers.wire(),
                policy, timeout.toNanos());
        return new Exchange(r.status(), r.contentType(), r.location(), r.body(), r.truncated(), r.setCookies(),
                r.retryAfter());
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String target(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    @Override
    public void close() {
        client.close();
    }
}
