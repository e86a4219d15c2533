package cn.xunjian.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A small blocking HTTP/1.1 client for plain {@code http://}, made for link checking: keep-alive connections
 * pooled per host and port, Content-Length, chunked and read-to-close bodies, one deadline per request for
 * connecting, headers and body together, and bodies read only as far as the caller wants. It does far less work
 * per request than {@code java.net.http.HttpClient} (no futures, no header maps, no TLS machinery), which is what
 * a crawl of tens of thousands of small requests spends its time on. Redirects are not followed: the caller sees
 * them. No {@code Accept-Encoding} is sent, so bodies arrive unencoded. The transport of {@link HttpStack} for
 * plain-http GET and HEAD. Thread-safe.
 */
final class PlainHttpClient implements AutoCloseable {
    /**
     * A response: status, the headers the stack needs, and the body when the policy kept it (else null). A body
     * the policy did not keep is still read and dropped when it is at most {@code drainLimit} bytes long (to
     * reuse the connection), else the connection is closed.
     *
     * @param setCookies the {@code Set-Cookie} values, or null when there were none
     * @param retryAfter the {@code Retry-After} value, or null
     */
    record Response(int status, String contentType, String location, byte[] body, boolean truncated,
                    List<String> setCookies, String retryAfter) {
    }

    /** The request could not be completed before the deadline (connect or read); thrown by both transports. */
    static final class TimeoutException extends IOException {
        final boolean connecting;

        TimeoutException(String message, boolean connecting) {
            super(message);
            this.connecting = connecting;
        }
    }

    private static final int BUFFER = 16 * 1024;
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    /** Idle connections older than this are closed rather than reused. */
    private static final long MAX_IDLE_NANOS = 20_000_000_000L;

    private final long timeoutNanos;
    private final long drainLimit;
    private final String userAgent;
    private final Map<String, ConcurrentLinkedDeque<Conn>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param timeout   the default timeout of {@link #send(String, String, int, String, String, BodyPolicy)}
     * @param userAgent the default user agent of that method
     */
    PlainHttpClient(Duration timeout, String userAgent, long drainLimit) {
        this.timeoutNanos = timeout.toNanos();
        this.drainLimit = drainLimit;
        this.userAgent = userAgent;
    }

    /** Sends one request with the default user agent and timeout, and the given {@code Accept}. */
    Response send(String method, String host, int port, String target, String accept, BodyPolicy policy)
            throws IOException {
        byte[] headers = ("User-Agent: " + userAgent + "\r\nAccept: " + accept + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        return send(method, host, null, port, target, headers, policy, timeoutNanos);
    }

    /**
     * Sends one request and reads its response within the timeout. A pooled connection that the server closed
     * meanwhile is replaced once, transparently (GET and HEAD are idempotent).
     *
     * @param host the host as written in the URL (no brackets for IPv6 literals)
     * @param address where to connect, or null to look the host up
     * @param port the port, -1 for 80
     * @param target path and query as sent, ASCII ({@code /a/b?c=d})
     * @param headerLines the header lines after {@code Host}, each ending in CRLF
     */
    Response send(String method, String host, InetAddress address, int port, String target, byte[] headerLines,
                  BodyPolicy policy, long timeoutNanos) throws IOException {
        long deadline = System.nanoTime() + timeoutNanos;
        int p = port < 0 ? 80 : port;
        String key = host.toLowerCase(Locale.ROOT) + ":" + p;
        byte[] request = request(method, host, port, target, headerLines);
        ConcurrentLinkedDeque<Conn> pool = idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
        Conn conn;
        while ((conn = pool.pollFirst()) != null) {
            if (System.nanoTime() - conn.idleSince > MAX_IDLE_NANOS) {
                conn.close(); // servers drop idle connections after a while: do not bet a request on it
                continue;
            }
            try {
                return exchange(conn, pool, method, request, policy, deadline);
            } catch (StaleConnection e) {
                conn.close(); // the server closed it while idle: try the next one, then a fresh one
            } catch (IOException | RuntimeException e) {
                conn.close();
                throw e;
            }
        }
        conn = Conn.open(host, address, p, deadline);
        try {
            return exchange(conn, pool, method, request, policy, deadline);
        } catch (StaleConnection e) {
            conn.close();
            throw new IOException("connection closed by the server before a response", e);
        } catch (IOException | RuntimeException e) {
            conn.close();
            throw e;
        }
    }

    private static byte[] request(String method, String host, int port, String target, byte[] headerLines) {
        String hostHeader = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + (port < 0 ? "" : ":" + port);
        byte[] head = (method + " " + target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(head, head.length + headerLines.length + 2);
        System.arraycopy(headerLines, 0, all, head.length, headerLines.length);
        all[all.length - 2] = '\r';
        all[all.length - 1] = '\n';
        return all;
    }

    /** A pooled connection turned out to be closed before any byte of the response arrived. */
    private static final class StaleConnection extends IOException {
        StaleConnection(Throwable cause) {
            super(cause);
        }
    }

    private Response exchange(Conn conn, ConcurrentLinkedDeque<Conn> pool, String method, byte[] request,
                              BodyPolicy policy, long deadline) throws IOException {
        boolean reused = conn.used;
        conn.used = true;
        try {
            conn.out.write(request);
            conn.out.flush();
        } catch (IOException e) {
            if (reused) {
                throw new StaleConnection(e);
            }
            throw e;
        }
        Head head;
        while (true) {
            try {
                head = conn.readHead(deadline);
            } catch (StaleConnection e) {
                if (reused) {
                    throw e;
                }
                throw new IOException("connection closed by the server before a response", e);
            }
            reused = false; // bytes arrived: no longer a stale-connection case
            if (head.status >= 100 && head.status < 200 && head.status != 101) {
                continue; // interim response (100 Continue, 103 Early Hints)
            }
            break;
        }
        boolean noBody = method.equals("HEAD") || head.status == 204 || head.status == 304 || head.status < 200;
        long keep = noBody ? 0 : policy.keep(head.status, head.contentType == null ? "text/html" : head.contentType);
        byte[] body = null;
        boolean truncated = false;
        // without a length or chunking a body runs to the end of the connection
        boolean reusable = head.keepAlive && (noBody || head.chunked || head.length >= 0);
        if (!noBody) {
            if (keep > 0) {
                // presized from the length, but not trusting a huge one before the bytes arrive
                ByteArrayOutputStream buf = new ByteArrayOutputStream(
                        (int) Math.min(Math.min(keep, head.length > 0 ? head.length : 8192), 1 << 20));
                truncated = conn.readBody(head, keep, buf, deadline);
                body = buf.toByteArray();
                reusable &= !truncated;
            } else if (!head.chunked && head.length >= 0 && head.length <= drainLimit) {
                conn.readBody(head, drainLimit, null, deadline);
            } else {
                reusable = false; // not worth reading: close instead of downloading the rest
            }
        }
        if (reusable && !closed && conn.pos == conn.lim) {
            conn.idleSince = System.nanoTime();
            pool.addFirst(conn);
        } else {
            conn.close();
        }
        return new Response(head.status, head.contentType, head.location, body, truncated, head.setCookies,
                head.retryAfter);
    }

    private record Head(int status, String contentType, String location, long length, boolean chunked,
                        boolean keepAlive, List<String> setCookies, String retryAfter) {
    }

    /** One socket with its read buffer. Used by one request at a time. */
    private static final class Conn {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final byte[] buf = new byte[BUFFER];
        int pos;
        int lim;
        boolean used;
        long idleSince;

        private Conn(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        static Conn open(String host, InetAddress address, int port, long deadline) throws IOException {
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                int millis = remainingMillis(deadline);
                s.connect(address != null ? new InetSocketAddress(address, port) : new InetSocketAddress(host, port),
                        millis);
            } catch (SocketTimeoutException e) {
                s.close();
                throw new TimeoutException("connect timed out", true);
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
            return new Conn(s);
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket we no longer use: nothing to recover
            }
        }

        /** Fills the buffer with at least one more byte; false at the end of the stream. */
        private boolean fill(long deadline) throws IOException {
            if (pos == lim) {
                pos = 0;
                lim = 0;
            } else if (lim == buf.length) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            }
            socket.setSoTimeout(remainingMillis(deadline));
            int n;
            try {
                n = in.read(buf, lim, buf.length - lim);
            } catch (SocketTimeoutException e) {
                throw new TimeoutException("read timed out", false);
            }
            if (n < 0) {
                return false;
            }
            lim += n;
            return true;
        }

        private final StringBuilder line = new StringBuilder(128);

        /** Reads one line (CRLF or LF) as ISO-8859-1; null at the end of the stream before any byte. */
        private String readLine(long deadline, int[] budget) throws IOException {
            line.setLength(0);
            while (true) {
                for (int i = pos; i < lim; i++) {
                    if (buf[i] == '\n') {
                        for (int j = pos; j < i; j++) {
                            line.append((char) (buf[j] & 0xff));
                        }
                        budget[0] -= i + 1 - pos;
                        pos = i + 1;
                        int len = line.length();
                        if (len > 0 && line.charAt(len - 1) == '\r') {
                            line.setLength(len - 1);
                        }
                        return line.toString();
                    }
                }
                for (int j = pos; j < lim; j++) {
                    line.append((char) (buf[j] & 0xff));
                }
                budget[0] -= lim - pos;
                pos = lim;
                if (budget[0] < 0) {
                    throw new IOException("response header too large");
                }
                if (!fill(deadline)) {
                    if (line.length() == 0) {
                        return null;
                    }
                    throw new IOException("connection closed in the response header");
                }
            }
        }

        Head readHead(long deadline) throws IOException {
            int[] budget = {MAX_HEADER_BYTES};
            String statusLine;
            try {
                statusLine = readLine(deadline, budget);
            } catch (TimeoutException e) {
                throw e;
            } catch (IOException e) {
                throw used && pos == 0 && lim == 0 ? new StaleConnection(e) : e;
            }
            if (statusLine == null) {
                throw new StaleConnection(null);
            }
            if (!statusLine.startsWith("HTTP/") || statusLine.length() < 12) {
                throw new IOException("not an HTTP response: " + abbreviate(statusLine));
            }
            boolean http10 = statusLine.startsWith("HTTP/1.0");
            int status;
            try {
                status = Integer.parseInt(statusLine.substring(9, 12));
            } catch (NumberFormatException e) {
                throw new IOException("bad status line: " + abbreviate(statusLine));
            }
            String contentType = null;
            String location = null;
            long length = -1;
            boolean chunked = false;
            boolean keepAlive = !http10;
            List<String> setCookies = null;
            String retryAfter = null;
            while (true) {
                String h = readLine(deadline, budget);
                if (h == null) {
                    throw new IOException("connection closed in the response header");
                }
                if (h.isEmpty()) {
                    break;
                }
                int colon = h.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("content-length")) {
                    try {
                        length = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new IOException("bad Content-Length: " + abbreviate(value));
                    }
                } else if (name.equalsIgnoreCase("transfer-encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                } else if (name.equalsIgnoreCase("content-type")) {
                    contentType = contentType == null ? value : contentType;
                } else if (name.equalsIgnoreCase("location")) {
                    location = location == null ? value : location;
                } else if (name.equalsIgnoreCase("set-cookie")) {
                    if (setCookies == null) {
                        setCookies = new ArrayList<>(2);
                    }
                    setCookies.add(value);
                } else if (name.equalsIgnoreCase("retry-after")) {
                    retryAfter = value;
                } else if (name.equalsIgnoreCase("connection")) {
                    String v = value.toLowerCase(Locale.ROOT);
                    if (v.contains("close")) {
                        keepAlive = false;
                    } else if (v.contains("keep-alive")) {
                        keepAlive = true;
                    }
                }
            }
            if (chunked) {
                length = -1;
            }
            return new Head(status, contentType, location, length, chunked, keepAlive, setCookies, retryAfter);
        }

        /**
         * Reads the body, keeping up to {@code cap} bytes in {@code sink} (null: drop them). True when the body
         * was longer than the cap (and so not read to its end).
         */
        boolean readBody(Head head, long cap, ByteArrayOutputStream sink, long deadline) throws IOException {
            long[] taken = {0};
            if (head.chunked) {
                int[] budget = {MAX_HEADER_BYTES};
                while (true) {
                    String sizeLine = readLine(deadline, budget);
                    if (sizeLine == null) {
                        throw new IOException("connection closed in a chunked body");
                    }
                    int semi = sizeLine.indexOf(';');
                    String hex = (semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim();
                    long size;
                    try {
                        size = Long.parseLong(hex, 16);
                    } catch (NumberFormatException e) {
                        throw new IOException("bad chunk size: " + abbreviate(sizeLine));
                    }
                    if (size == 0) {
                        while (true) { // trailers, then the empty line
                            String t = readLine(deadline, budget);
                            if (t == null || t.isEmpty()) {
                                return false;
                            }
                        }
                    }
                    if (copy(size, cap, sink, taken, deadline, true)) {
                        return true;
                    }
                    budget[0] = MAX_HEADER_BYTES;
                    String crlf = readLine(deadline, budget);
                    if (crlf == null || !crlf.isEmpty()) {
                        throw new IOException("bad chunk end");
                    }
                }
            }
            if (head.length >= 0) {
                return copy(head.length, cap, sink, taken, deadline, true);
            }
            return copy(Long.MAX_VALUE, cap, sink, taken, deadline, false);
        }

        /**
         * Moves {@code size} bytes (or up to the end of the stream when {@code exact} is false) to the sink, until
         * {@code cap} bytes have been taken in all; true when the cap cut the body short.
         */
        private boolean copy(long size, long cap, ByteArrayOutputStream sink, long[] taken, long deadline,
                             boolean exact) throws IOException {
            long left = size;
            while (left > 0) {
                if (pos == lim && !fill(deadline)) {
                    if (exact) {
                        throw new IOException("connection closed before the end of the body");
                    }
                    return false;
                }
                int n = (int) Math.min(left, lim - pos);
                long room = cap - taken[0];
                if (n > room) {
                    if (sink != null) {
                        sink.write(buf, pos, (int) room);
                    }
                    taken[0] = cap;
                    pos += (int) room;
                    return true;
                }
                if (sink != null) {
                    sink.write(buf, pos, n);
                }
                taken[0] += n;
                pos += n;
                left -= n;
            }
            return false;
        }
    }

    private static int remainingMillis(long deadline) throws TimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new TimeoutException("deadline passed", false);
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000));
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /** Closes the idle connections; connections in use close when their request ends. */
    @Override
    public void close() {
        closed = true;
        for (ConcurrentLinkedDeque<Conn> pool : idle.values()) {
            Conn c;
            while ((c = pool.pollFirst()) != null) {
                c.close();
            }
        }
    }
}
