package cn.xunjian.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small site on 127.0.0.1 behind a JavaScript cookie challenge modelled on the real ones
 * ({@code src/test/resources/challenges/SOURCES.md}). {@link #solvable()} plays 瑞数: a request without the right
 * cookies gets HTTP 412, a seed cookie whose name ends in S and a page whose script (beside the {@code $_ts}
 * boilerplate and the {@code <meta r='m'>} seed of the real ones) computes a token from the seed and
 * {@code navigator.userAgent}, sets it as a cookie ending in T and reloads; the site answers only requests with
 * that token <em>and</em> the user agent that earned it. {@link #unsolvable()} plays 加速乐: HTTP 521 and a script
 * that sets {@code __jsl_clearance} and reloads, but the server never accepts any clearance (a challenge that
 * needs more than a browser, a captcha say). Behind the challenge: three pages, an image and one really missing page.
 */
public final class ChallengeSite implements AutoCloseable {
    public static final String SEED = "XjSeedS";
    public static final String TOKEN = "XjTokenT";

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final boolean solvable;
    /** The seeds handed out, with the user agent each was handed to. */
    private final Map<String, String> seeds = new ConcurrentHashMap<>();
    private final AtomicInteger challenges = new AtomicInteger();
    private final AtomicInteger passed = new AtomicInteger();

    private ChallengeSite(boolean solvable) {
        this.solvable = solvable;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    public static ChallengeSite solvable() {
        return new ChallengeSite(true);
    }

    public static ChallengeSite unsolvable() {
        return new ChallengeSite(false);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Challenge answers served so far. */
    public int challenges() {
        return challenges.get();
    }

    /** Requests let through so far. */
    public int passed() {
        return passed.get();
    }

    /** Forgets every seed: the cookies handed out so far no longer pass, as when they expire. */
    public void expire() {
        seeds.clear();
    }

    /** The token the challenge's script computes; the same arithmetic as its JavaScript. */
    public static String token(String seed, String userAgent) {
        String s = seed + userAgent;
        long h = 7;
        for (int i = 0; i < s.length(); i++) {
            h = (h * 31 + s.charAt(i)) % 1_000_000_007L;
        }
        return Long.toHexString(h);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            String agent = String.valueOf(ex.getRequestHeaders().getFirst("User-Agent"));
            Map<String, String> cookies = cookies(ex.getRequestHeaders().getFirst("Cookie"));
            String seed = cookies.get(SEED);
            boolean ok = solvable && seed != null && agent.equals(seeds.get(seed))
                    && token(seed, agent).equals(cookies.get(TOKEN));
            if (!ok) {
                challenge(ex, agent);
                return;
            }
            passed.incrementAndGet();
            String path = ex.getRequestURI().getPath();
            switch (path) {
                case "/", "/index.html" -> page(ex, "<html><head><title>临江市人民政府</title></head><body>"
                        + "<a href=\"/a.html\">政务公开</a> <a href=\"/b.html\">政务服务</a>"
                        + " <a href=\"/missing.html\">已删除的通知</a> <img src=\"/logo.png\" alt=\"标志\"></body></html>");
                case "/a.html" -> page(ex, "<html><head><title>政务公开</title></head><body>"
                        + "<a href=\"/b.html\">政务服务</a> <a href=\"/\">首页</a></body></html>");
                case "/b.html" -> page(ex, "<html><head><title>政务服务</title></head><body>"
                        + "<a href=\"/a.html\">政务公开</a> <a href=\"/\">首页</a></body></html>");
                case "/logo.png" -> send(ex, 200, "image/png",
                        new byte[] {(byte) 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a});
                default -> send(ex, 404, "text/html; charset=utf-8",
                        "<html><body>404 页面不存在</body></html>".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void challenge(HttpExchange ex, String agent) throws IOException {
        challenges.incrementAndGet();
        if (!solvable) {
            ex.getResponseHeaders().add("Set-Cookie", "__jsluid_h=" + UUID.randomUUID().toString().replace("-", "")
                    + "; max-age=31536000; path=/; HttpOnly");
            send(ex, 521, "text/html", ("<script>document.cookie=('__jsl_clearance=1716799600.861|0|'+"
                    + "(+new Date()).toString(36))+';max-age=3600;path=/';"
                    + "location.href=location.pathname+location.search</script>").getBytes(StandardCharsets.UTF_8));
            return;
        }
        String seed = UUID.randomUUID().toString().replace("-", "");
        seeds.put(seed, agent);
        ex.getResponseHeaders().add("Set-Cookie", SEED + "=" + seed + "; Path=/; HttpOnly");
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<meta id=\"xjSeed\" content=\"" + seed + "\" r='m'>"
                + "<script type=\"text/javascript\" r='m'>$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=52206;"
                + "$_ts.cd=\"qtJDrpAltcLqlqVmiaqjrnLllkg4qcLctGW3HO7qtGljrfq5\";</script>"
                + "<script type=\"text/javascript\" r='m'>(function(){"
                + "var s=document.getElementById('xjSeed').content+navigator.userAgent,h=7;"
                + "for(var i=0;i<s.length;i++){h=(h*31+s.charCodeAt(i))%1000000007;}"
                + "document.cookie='" + TOKEN + "='+h.toString(16)+'; path=/';"
                + "setTimeout(function(){location.reload();},50);})();</script>"
                + "</head><body></body></html>";
        send(ex, 412, "text/html", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void page(HttpExchange ex, String html) throws IOException {
        send(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        ex.getResponseBody().write(body);
    }

    private static Map<String, String> cookies(String header) {
        Map<String, String> out = new ConcurrentHashMap<>();
        if (header == null) {
            return out;
        }
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
