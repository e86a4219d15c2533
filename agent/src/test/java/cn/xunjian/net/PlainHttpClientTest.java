package cn.xunjian.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stack's own plain HTTP/1.1 client against JDK HttpServer fixtures and a raw socket server on 127.0.0.1. */
class PlainHttpClientTest {
    private static final String HOST = "127.0.0.1";
    private static final BodyPolicy KEEP_ALL = (status, type) -> 1024 * 1024;
    private static final BodyPolicy KEEP_NONE = (status, type) -> 0;

    private HttpServer server;
    private ExecutorService pool;
    private final Queue<Integer> clientPorts = new ConcurrentLinkedQueue<>();
    private final Queue<String> methods = new ConcurrentLinkedQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private PlainHttpClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pool = Executors.newFixedThreadPool(4);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
        client = new PlainHttpClient(Duration.ofSeconds(5), "XunjianTest/1.0", 64 * 1024);
    }

    @AfterEach
    void stop() {
        release.countDown();
        client.close();
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        clientPorts.add(ex.getRemoteAddress().getPort());
        methods.add(ex.getRequestMethod());
        String path = ex.getRequestURI().getPath();
        byte[] hello = "<html><body>你好</body></html>".getBytes(StandardCharsets.UTF_8);
        switch (path) {
            case "/page.html" -> {
                ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(200, ex.getRequestMethod().equals("HEAD") ? -1 : hello.length);
                if (!ex.getRequestMethod().equals("HEAD")) {
                    ex.getResponseBody().write(hello);
                }
                ex.close();
            }
            case "/agent" -> {
                byte[] ua = (ex.getRequestHeaders().getFirst("User-Agent") + "|"
                        + ex.getRequestHeaders().getFirst("Accept-Encoding") + "|"
                        + ex.getRequestURI().getRawQuery()).getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, ua.length);
                ex.getResponseBody().write(ua);
                ex.close();
            }
            case "/chunked.html" -> {
                ex.getResponseHeaders().set("Content-Type", "text/html");
                ex.sendResponseHeaders(200, 0); // length 0: chunked
                try (OutputStream out = ex.getResponseBody()) {
                    for (int i = 0; i < 50; i++) {
                        out.write(("<p>第" + i + "段</p>").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
            }
            case "/moved" -> {
                ex.getResponseHeaders().set("Location", "/page.html");
                ex.sendResponseHeaders(302, -1);
                ex.close();
            }
            case "/missing.html" -> {
                byte[] body = "<h1>404 Not Found</h1>".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(404, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            }
            case "/closing.html" -> {
                ex.getResponseHeaders().set("Connection", "close");
                ex.sendResponseHeaders(200, hello.length);
                ex.getResponseBody().write(hello);
                ex.close();
            }
            case "/huge.html" -> {
                ex.getResponseHeaders().set("Content-Type", "text/html");
                ex.sendResponseHeaders(200, 30L * 1024 * 1024);
                byte[] chunk = new byte[64 * 1024];
                try (OutputStream out = ex.getResponseBody()) {
                    for (int i = 0; i < 30 * 16; i++) {
                        out.write(chunk);
                    }
                } catch (IOException e) {
                    // the client hung up after its cap, as it should
                }
            }
            case "/hang.html" -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.sendResponseHeaders(200, hello.length);
                ex.getResponseBody().write(hello);
                ex.close();
            }
            default -> {
                ex.sendResponseHeaders(404, -1);
                ex.close();
            }
        }
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private PlainHttpClient.Response get(String path, BodyPolicy policy) throws IOException {
        return client.send("GET", HOST, port(), path, "*/*", policy);
    }

    @Test
    void readsAPageAndReusesTheConnectionForTheNextRequests() throws IOException {
        PlainHttpClient.Response first = get("/page.html", KEEP_ALL);
        PlainHttpClient.Response second = get("/page.html", KEEP_ALL);
        PlainHttpClient.Response third = client.send("HEAD", HOST, port(), "/page.html", "*/*", KEEP_ALL);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("<html><body>你好</body></html>");
        assertThat(first.truncated()).isFalse();
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(third.status()).isEqualTo(200);
        assertThat(clientPorts).hasSize(3);
        assertThat(clientPorts.stream().distinct()).as("one keep-alive connection").hasSize(1);
    }

    @Test
    void sendsTheUserAgentAndTheQueryButNoAcceptEncoding() throws IOException {
        PlainHttpClient.Response r = get("/agent?a=1&b=%E4%B8%AD", KEEP_ALL);

        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("XunjianTest/1.0|null|a=1&b=%E4%B8%AD");
    }

    @Test
    void theStackSendsNonAsciiTargetsPercentEncodedAsUtf8() throws InterruptedException {
        try (HttpStack stack = HttpStack.builder(NetworkScope.LOOPBACK_ONLY).perHost(2, Duration.ZERO)
                .timeout(Duration.ofSeconds(5)).build()) {
            HttpResponse f = (HttpResponse) stack.send(
                    HttpRequest.get("http://127.0.0.1:" + port() + "/agent?q=中文", Purpose.PAGE));

            assertThat(f.status()).isEqualTo(200);
            assertThat(new String(f.body(), StandardCharsets.UTF_8)).endsWith("|q=%E4%B8%AD%E6%96%87");
        }
    }

    @Test
    void answersAHeadRequestWithoutABodyAndKeepsTheConnection() throws IOException {
        PlainHttpClient.Response head = client.send("HEAD", HOST, port(), "/page.html", "*/*", KEEP_ALL);
        PlainHttpClient.Response after = get("/page.html", KEEP_ALL);

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isNull();
        assertThat(methods).containsExactly("HEAD", "GET");
        assertThat(new String(after.body(), StandardCharsets.UTF_8)).contains("你好");
        assertThat(clientPorts.stream().distinct()).hasSize(1);
    }

    @Test
    void decodesAChunkedBodyAndReusesTheConnectionAfterIt() throws IOException {
        PlainHttpClient.Response r = get("/chunked.html", KEEP_ALL);
        PlainHttpClient.Response after = get("/page.html", KEEP_ALL);

        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            expected.append("<p>第").append(i).append("段</p>");
        }
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        assertThat(after.status()).isEqualTo(200);
        assertThat(clientPorts.stream().distinct()).hasSize(1);
    }

    @Test
    void returnsARedirectWithItsLocationInsteadOfFollowingIt() throws IOException {
        PlainHttpClient.Response r = get("/moved", KEEP_ALL);

        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).isEqualTo("/page.html");
        assertThat(methods).containsExactly("GET");
    }

    @Test
    void drainsASmallErrorBodySoThatTheConnectionIsReused() throws IOException {
        PlainHttpClient.Response missing = get("/missing.html", KEEP_NONE);
        PlainHttpClient.Response after = get("/page.html", KEEP_ALL);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isNull();
        assertThat(after.status()).isEqualTo(200);
        assertThat(clientPorts.stream().distinct()).hasSize(1);
    }

    @Test
    void opensANewConnectionAfterConnectionClose() throws IOException {
        PlainHttpClient.Response closing = get("/closing.html", KEEP_ALL);
        PlainHttpClient.Response after = get("/page.html", KEEP_ALL);

        assertThat(closing.status()).isEqualTo(200);
        assertThat(new String(closing.body(), StandardCharsets.UTF_8)).contains("你好");
        assertThat(after.status()).isEqualTo(200);
        assertThat(clientPorts.stream().distinct()).hasSize(2);
    }

    @Test
    void cutsAHugeBodyOffAtTheCapAndStillServesTheNextRequest() throws IOException {
        PlainHttpClient.Response huge = get("/huge.html", (status, type) -> 100_000);
        PlainHttpClient.Response after = get("/page.html", KEEP_ALL);

        assertThat(huge.status()).isEqualTo(200);
        assertThat(huge.truncated()).isTrue();
        assertThat(huge.body()).hasSize(100_000);
        assertThat(after.status()).isEqualTo(200);
        assertThat(new String(after.body(), StandardCharsets.UTF_8)).contains("你好");
    }

    @Test
    void readsNoBodyWhenThePolicyKeepsNoneOfALargeOne() throws IOException {
        PlainHttpClient.Response huge = get("/huge.html", KEEP_NONE);

        assertThat(huge.status()).isEqualTo(200);
        assertThat(huge.body()).isNull();
        assertThat(huge.truncated()).isFalse();
    }

    @Test
    void givesUpOnAServerThatNeverAnswersAfterTheTimeout() {
        PlainHttpClient quick = new PlainHttpClient(Duration.ofMillis(300), "XunjianTest/1.0", 1024);
        try {
            assertThatThrownBy(() -> quick.send("GET", HOST, port(), "/hang.html", "*/*", KEEP_ALL))
                    .isInstanceOf(PlainHttpClient.TimeoutException.class)
                    .satisfies(e -> assertThat(((PlainHttpClient.TimeoutException) e).connecting).isFalse());
        } finally {
            quick.close();
        }
    }

    @Test
    void reportsARefusedConnection() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        assertThatThrownBy(() -> client.send("GET", HOST, closedPort, "/", "*/*", KEEP_ALL))
                .isInstanceOf(ConnectException.class);
        assertThat(Failures.describe(new ConnectException("Connection refused"))).isEqualTo("连接被拒绝");
    }

    /**
     * A raw server that answers each connection's requests from a script: after the scripted responses it closes
     * the connection without saying so, as servers do with idle keep-alive connections.
     */
    private static final class RawServer implements AutoCloseable {
        final ServerSocket socket;
        final Thread thread;
        final Queue<Integer> connections = new ConcurrentLinkedQueue<>();

        RawServer(List<String> responsesPerConnection) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        connections.add(s.getPort());
                        InputStream in = s.getInputStream();
                        OutputStream out = s.getOutputStream();
                        for (String response : responsesPerConnection) {
                            readRequest(in);
                            out.write(response.getBytes(StandardCharsets.UTF_8));
                            out.flush();
                        }
                    } catch (IOException e) {
                        // the test is over or the client hung up
                    }
                }
            }, "raw-server");
            thread.setDaemon(true);
            thread.start();
        }

        private static void readRequest(InputStream in) throws IOException {
            int state = 0;
            while (state < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("eof");
                }
                state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void retriesOnAFreshConnectionWhenTheServerDroppedTheIdleOne() throws Exception {
        try (RawServer raw = new RawServer(List.of(
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/html\r\n\r\nok"))) {
            PlainHttpClient.Response first = client.send("GET", HOST, raw.port(), "/a", "*/*", KEEP_ALL);
            // the server has closed the connection without "Connection: close"; the pooled one is stale
            PlainHttpClient.Response second = client.send("GET", HOST, raw.port(), "/b", "*/*", KEEP_ALL);

            assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
            assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
            assertThat(raw.connections).hasSize(2);
        }
    }

    @Test
    void readsABodyWithoutLengthToTheEndOfTheConnection() throws Exception {
        try (RawServer raw = new RawServer(List.of("HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<p>到此为止</p>"))) {
            PlainHttpClient.Response r = client.send("GET", HOST, raw.port(), "/", "*/*", KEEP_ALL);

            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<p>到此为止</p>");
        }
    }

    @Test
    void skipsAnInterimResponseAndReadsTheFinalOne() throws Exception {
        try (RawServer raw = new RawServer(List.of("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\n"
                + "Content-Length: 0\r\n\r\n"))) {
            PlainHttpClient.Response r = client.send("GET", HOST, raw.port(), "/", "*/*", KEEP_ALL);

            assertThat(r.status()).isEqualTo(404);
        }
    }

    @Test
    void rejectsSomethingThatIsNotAnHttpResponse() throws Exception {
        try (RawServer raw = new RawServer(List.of("SSH-2.0-OpenSSH_9.2\r\n\r\n"))) {
            assertThatThrownBy(() -> client.send("GET", HOST, raw.port(), "/", "*/*", KEEP_ALL))
                    .isInstanceOf(IOException.class).hasMessageContaining("not an HTTP response");
        }
    }
}
