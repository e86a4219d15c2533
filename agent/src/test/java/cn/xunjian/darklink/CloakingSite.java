package cn.xunjian.darklink;

import cn.xunjian.testing.FixtureServer;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Fixture handlers of a hacked government site, ready to copy into a demo: a page that serves a gambling page to
 * Baiduspider (server-side UA cloaking), one whose script sends visitors from Baidu elsewhere
 * ({@code document.referrer} hijack), one that redirects with 302 only for a Baidu {@code Referer}, a clean one,
 * and a clean one with per-request noise (a token and a timestamp).
 */
final class CloakingSite {
    static final String NORMAL_TITLE = "临江县人民政府";
    static final String SPAM_TITLE = "bet365体育在线_澳门威尼斯人_真人娱乐";

    private CloakingSite() {
    }

    static String normalPage(String extra) {
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>临江县人民政府</title>
                <meta name="keywords" content="临江县,人民政府,政务公开">
                <meta name="description" content="临江县人民政府门户网站%s"></head>
                <body><h1>临江县人民政府</h1><nav><a href="/zwgk/">政务公开</a> <a href="/bsfw/">办事服务</a></nav>
                <ul><li><a href="/xw/1.html">县政府召开常务会议</a></li><li><a href="/xw/2.html">安全生产工作部署会召开</a></li></ul>
                <p>友情链接：<a href="https://www.gov.cn/">中国政府网</a></p>%s
                <p>违法和不良信息举报电话：12345</p></body></html>""".formatted("", extra);
    }

    static String spamPage() {
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>bet365体育在线_&#x6FB3;&#x95E8;威尼斯人_真人娱乐</title>
                <meta name="keywords" content="bet365,百家乐,澳门葡京"></head>
                <body><h1>真人娱乐 首存送彩金</h1><a href="http://www.ylc-casino.example/reg">立即注册</a></body></html>""";
    }

    /** Baiduspider (any variant) gets the gambling page; everyone else the government page. */
    static void uaCloak(HttpExchange ex) throws IOException {
        String ua = ex.getRequestHeaders().getFirst("User-Agent");
        boolean spider = ua != null && ua.contains("Baiduspider");
        send(ex, spider ? spamPage() : normalPage(""));
    }

    /** Visitors whose {@code document.referrer} is a search engine are sent to {@code target} by script. */
    static FixtureServer.Route referrerScript(String target) {
        return ex -> send(ex, normalPage("""
                <script>if (/\\.(baidu|sogou|so|sm)\\.com/i.test(document.referrer)) { location.href = '%s'; }</script>"""
                .formatted(target)));
    }

    /** Requests with a Baidu {@code Referer} header are redirected (302) to {@code target}. */
    static FixtureServer.Route refererRedirect(String target) {
        return ex -> {
            String referer = ex.getRequestHeaders().getFirst("Referer");
            if (referer != null && referer.contains("baidu.com")) {
                ex.getResponseHeaders().set("Location", target);
                FixtureServer.send(ex, 302, "text/html; charset=utf-8", new byte[0]);
            } else {
                send(ex, normalPage(""));
            }
        };
    }

    static void clean(HttpExchange ex) throws IOException {
        send(ex, normalPage(""));
    }

    /** The same page with a fresh token and timestamp on every request, as many CMSs do. */
    static void noisy(HttpExchange ex) throws IOException {
        String token = UUID.randomUUID().toString();
        send(ex, normalPage("<p>访问令牌 " + token + " 生成于 " + System.nanoTime() + "</p>"
                + "<a href=\"/search?t=" + token + "\">站内搜索</a>")
                .replace("门户网站\"", "门户网站 " + token + "\""));
    }

    static void casino(HttpExchange ex) throws IOException {
        send(ex, spamPage());
    }

    private static void send(HttpExchange ex, String html) throws IOException {
        FixtureServer.send(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }
}
