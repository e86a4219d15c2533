package cn.xunjian.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forward HTTP proxy on 127.0.0.1 for tests, as a government network's proxy behaves: absolute-form requests
 * for http ({@code GET http://host:port/path HTTP/1.1}) relayed to the origin, {@code CONNECT host:port} tunnels
 * for https, and, when built with credentials, 407 with {@code Proxy-Authenticate: Basic} until a request carries
 * them. Every request is recorded with whether it carried the credentials. It relays to loopback hosts only, so a
 * test can never reach the internet through it. One request per connection: answers are sent with
 * {@code Connection: close}.
 */
public final class ForwardProxy implements AutoCloseable {
    /** One request as it arrived: {@code GET http://127.0.0.1:5000/a} or {@code CONNECT 127.0.0.1:5001}. */
    public record Relayed(String method, String target, boolean authorized) {
        public String line() {
            return method + " " + target;
        }
    }

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final String expectedAuth;
    private final List<Relayed> relayed = new CopyOnWriteArrayList<>();

    private ForwardProxy(String user, String password) {
        this.expectedAuth = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pool.execute(this::accept);
    }

    public static ForwardProxy open() {
        return new ForwardProxy(null, null);
    }

    /** A proxy that answers 407 to every request without {@code user:password}. */
    public static ForwardProxy requiring(String user, String password) {
        return new ForwardProxy(user, password);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code http://127.0.0.1:port}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public List<Relayed> relayed() {
        return List.copyOf(relayed);
    }

    /** The requests that named {@code part} in their target and carried the credentials (or needed none). */
    public List<String> passed(String part) {
        return relayed.stream().filter(r -> r.authorized() && r.target().contains(part)).map(Relayed::line).toList();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                pool.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            List<String> head;
            String[] line;
            while (true) {
                head = readHead(in);
                if (head.isEmpty()) {
                    return;
                }
                line = head.get(0).split(" ");
                boolean authorized = expectedAuth == null || head.stream().skip(1)
                        .anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("proxy-authorization:")
                                && h.substring(h.indexOf(':') + 1).trim().equals(expectedAuth));
                relayed.add(new Relayed(line[0], line[1], authorized));
                if (authorized) {
                    break;
                }
                // the connection stays open, as real proxies keep it, so that the client may answer the challenge
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"proxy\"\r\n"
                        + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            if (line[0].equals("CONNECT")) {
                tunnel(line[1], client, in, out);
            } else {
                relay(line, head, in, out);
            }
        } catch (IOException e) {
            // the client or the origin went away: that exchange ends
        }
    }

    private void tunnel(String authority, Socket client, InputStream in, OutputStream out) throws IOException {
        URI target = URI.create("tcp://" + authority);
        if (!loopback(target.getHost())) {
            out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        try (Socket origin = new Socket(target.getHost(), target.getPort())) {
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            pool.execute(() -> pipe(origin, client));
            pipe(client, origin);
        }
    }

    private void relay(String[] line, List<String> head, InputStream in, OutputStream out) throws IOException {
        URI target = URI.create(line[1]);
        if (!loopback(target.getHost())) {
            out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        if (target.getRawQuery() != null) {
            path += "?" + target.getRawQuery();
        }
        StringBuilder request = new StringBuilder(line[0] + " " + path + " HTTP/1.1\r\n");
        for (String h : head.subList(1, head.size())) {
            String name = h.substring(0, Math.max(0, h.indexOf(':'))).toLowerCase(Locale.ROOT);
            if (!name.startsWith("proxy-") && !name.equals("connection") && !name.equals("keep-alive")) {
                request.append(h).append("\r\n");
            }
        }
        request.append("Connection: close\r\n\r\n");
        int port = target.getPort() < 0 ? 80 : target.getPort();
        try (Socket origin = new Socket(target.getHost(), port)) {
            origin.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            origin.getOutputStream().flush();
            origin.getInputStream().transferTo(out); // the origin closes after its answer
            out.flush();
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed: the tunnel is over
        }
    }

    /** Loopback names and literals only: a name is never looked up, so nothing leaves the machine. */
    private static boolean loopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                line.reset();
                if (s.isEmpty()) {
                    return lines;
                }
                lines.add(s);
            } else {
                line.write(b);
            }
        }
        return List.of();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        pool.shutdownNow();
    }
}
