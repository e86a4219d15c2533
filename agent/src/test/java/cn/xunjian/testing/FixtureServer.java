package cn.xunjian.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixture web server on 127.0.0.1 (or another loopback address) and a free port, with named routes. Unrouted
 * paths are served from {@code src/test/resources/sites/<path>}; anything else is 404. It counts the requests it
 * receives.
 */
public final class FixtureServer implements AutoCloseable {
    /** Handles one request. */
    @FunctionalInterface
    public interface Route {
        void handle(HttpExchange ex) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService pool;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private final String host;

    public FixtureServer() {
        this("127.0.0.1");
    }

    /**
     * A server on another loopback address, e.g. {@code 127.0.0.2}: still this machine, yet a host that
     * {@code NetworkScope.LOOPBACK_ONLY} does not allow.
     */
    public static FixtureServer on(String loopbackAddress) {
        return new FixtureServer(loopbackAddress);
    }

    private FixtureServer(String address) {
        try {
            InetAddress bind = InetAddress.getByName(address);
            if (!bind.isLoopbackAddress()) {
                throw new IllegalArgumentException("fixtures listen on loopback addresses only: " + address);
            }
            server = HttpServer.create(new InetSocketAddress(bind, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        host = address;
        pool = Executors.newFixedThreadPool(16);
        server.setExecutor(pool);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public String url(String path) {
        return "http://" + host + ":" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public FixtureServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    public FixtureServer html(String path, String html) {
        return route(path, ex -> send(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
    }

    public FixtureServer html(String path, String html, Charset charset, String declared) {
        return route(path, ex -> send(ex, 200, declared == null ? "text/html" : "text/html; charset=" + declared,
                html.getBytes(charset)));
    }

    public FixtureServer status(String path, int status) {
        return route(path, ex -> send(ex, status, "text/html; charset=utf-8",
                ("<html><body>" + status + "</body></html>").getBytes(StandardCharsets.UTF_8)));
    }

    public FixtureServer bytes(String path, String type, byte[] body) {
        return route(path, ex -> send(ex, 200, type, body));
    }

    /** Answers with {@code status} (a 3xx) and {@code Location: location}. */
    public FixtureServer redirect(String path, int status, String location) {
        return route(path, ex -> {
            ex.getResponseHeaders().set("Location", location);
            send(ex, status, "text/html; charset=utf-8", new byte[0]);
        });
    }

    /** A route that never answers until the server closes. */
    public FixtureServer hang(String path) {
        return route(path, ex -> {
            try {
                released.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Refuses HEAD with 405 and answers GET with {@code html}. */
    public FixtureServer noHead(String path, String html) {
        return route(path, ex -> {
            if (ex.getRequestMethod().equals("HEAD")) {
                send(ex, 405, "text/plain", new byte[0]);
            } else {
                send(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /** How many requests arrived, answered or not. */
    public int requests() {
        return requests.get();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try {
            String path = ex.getRequestURI().getPath();
            Route route = routes.get(path);
            if (route != null) {
                route.handle(ex);
                return;
            }
            try (InputStream in = FixtureServer.class.getResourceAsStream("/sites" + path)) {
                if (in == null || path.contains("..")) {
                    send(ex, 404, "text/html; charset=utf-8",
                            "<html><body>页面不存在</body></html>".getBytes(StandardCharsets.UTF_8));
                } else {
                    send(ex, 200, typeOf(path), in.readAllBytes());
                }
            }
        } finally {
            ex.close();
        }
    }

    private static String typeOf(String path) {
        if (path.endsWith(".png")) {
            return "image/png";
        }
        if (path.endsWith(".js")) {
            return "application/javascript; charset=utf-8";
        }
        return "text/html; charset=utf-8";
    }

    public static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
