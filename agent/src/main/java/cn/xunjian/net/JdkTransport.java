package cn.xunjian.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JDK {@link HttpClient} for https and for requests with a body: HTTP/1.1, never following redirects itself
 * (the stack does, hop by hop), no cookie handler (the stack's jar does), one deadline for headers and body
 * together, and bodies read only as far as the policy wants.
 */
final class JdkTransport implements Transport {
    private final Duration connectTimeout;
    private final long drainLimit;
    private final ProxySettings proxies;
    private volatile HttpClient client;

    JdkTransport(Duration connectTimeout, long drainLimit) {
        this(connectTimeout, drainLimit, ProxySettings.NONE);
    }

    /** A transport that reaches hosts through {@code proxies} (plain-http ones too, when the stack sends them). */
    JdkTransport(Duration connectTimeout, long drainLimit, ProxySettings proxies) {
        this.connectTimeout = connectTimeout;
        this.drainLimit = drainLimit;
        this.proxies = proxies;
    }

    /** Built on first use, since a plain-http crawl never needs it. */
    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout)
                            // run the client's callbacks on its selector thread: they never block here (bodies
                            // are consumed by non-blocking subscribers), and the default pool's hand-offs cost
                            // more CPU than the requests
                            .executor(Runnable::run);
                    if (!proxies.isEmpty()) {
                        ProxyRouting.configure(b, proxies);
                    }
                    c = b.build();
                    client = c;
                }
            }
        }
        return c;
    }

    @Override
    public Exchange exchange(String method, URI uri, InetAddress address, RequestHeaders headers, byte[] body,
                             BodyPolicy policy, Duration timeout) throws IOException, InterruptedException {
        // the JDK client (Java 17) has no resolver hook: the stack sends only names it may look up itself here
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        for (Header h : headers.list()) {
            b.header(h.name(), h.value());
        }
        java.net.http.HttpRequest req = b.build();
        CompletableFuture<java.net.http.HttpResponse<Body>> future =
                client().sendAsync(req, info -> subscriber(info, method, policy));
        try {
            java.net.http.HttpResponse<Body> resp = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<String> cookies = resp.headers().allValues("Set-Cookie");
            return new Exchange(resp.statusCode(), resp.headers().firstValue("Content-Type").orElse(null),
                    resp.headers().firstValue("Location").orElse(null), resp.body().bytes(),
                    resp.body().truncated(), cookies.isEmpty() ? null : cookies,
                    resp.headers().firstValue("Retry-After").orElse(null));
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new PlainHttpClient.TimeoutException("no complete response within " + timeout, false);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IOException(cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    private record Body(byte[] bytes, boolean truncated) {
    }

    private BodySubscriber<Body> subscriber(ResponseInfo info, String method, BodyPolicy policy) {
        if (method.equals("HEAD")) {
            return BodySubscribers.replacing(new Body(null, false));
        }
        String type = info.headers().firstValue("Content-Type").orElse("text/html");
        long keep = policy.keep(info.statusCode(), type);
        if (keep > 0) {
            return new Capped(keep, true);
        }
        long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (length >= 0 && length <= drainLimit) {
            return new Capped(drainLimit, false);
        }
        return new Capped(0, false);
    }

    /** Nothing to close: the JDK client (Java 17) closes its idle connections when it is collected. */
    @Override
    public void close() {
    }

    /**
     * Reads a body up to {@code cap} bytes and then cancels, which closes the connection instead of downloading
     * the rest. With {@code keep} false the bytes are dropped (the body was read only to reuse the connection).
     */
    private static final class Capped implements BodySubscriber<Body> {
        private final long cap;
        private final boolean keep;
        private final CompletableFuture<Body> result = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private long read;
        private Flow.Subscription subscription;

        Capped(long cap, boolean keep) {
            this.cap = cap;
            this.keep = keep;
        }

        @Override
        public CompletionStage<Body> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (cap == 0) {
                s.cancel();
                result.complete(new Body(null, false));
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                int n = b.remaining();
                if (read + n > cap) {
                    take(b, (int) (cap - read));
                    subscription.cancel();
                    result.complete(new Body(keep ? buffer.toByteArray() : null, true));
                    return;
                }
                take(b, n);
            }
            subscription.request(1);
        }

        private void take(ByteBuffer b, int n) {
            read += n;
            if (!keep) {
                return;
            }
            byte[] chunk = new byte[n];
            b.get(chunk);
            buffer.write(chunk, 0, n);
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(new Body(keep ? buffer.toByteArray() : null, false));
        }
    }
}
