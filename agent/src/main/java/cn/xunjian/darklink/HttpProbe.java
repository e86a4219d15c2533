package cn.xunjian.darklink;

import cn.xunjian.net.NetworkScope;
import cn.xunjian.crawl.CharsetDetector;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches one URL over plain HTTP as a given user agent and referer, following redirects by hand so that the
 * chain is recorded and never leaves the allowed network scope.
 */
final class HttpProbe {
    /** One fetch: the last status, the redirect chain, where it ended and the decoded body ("" when none). */
    record Result(int status, List<String> redirects, String finalUrl, String body, String error) {
    }

    private final HttpClient client;
    private final NetworkScope scope;
    private final Duration timeout;
    private final int maxRedirects;

    HttpProbe(NetworkScope scope, Duration timeout, int maxRedirects) {
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout).build();
        this.scope = scope;
        this.timeout = timeout;
        this.maxRedirects = maxRedirects;
    }

    Result fetch(String url, String userAgent, String referer) throws InterruptedException {
        List<String> chain = new ArrayList<>();
        String current = url;
        int status = 0;
        for (int hop = 0; hop <= maxRedirects; hop++) {
            if (!scope.allows(current)) {
                return new Result(status, chain, current, "", "超出允许访问的网络范围");
            }
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(current)).timeout(timeout).GET()
                    .header("User-Agent", userAgent)
                    .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                    .header("Accept-Language", "zh-CN,zh;q=0.9");
            if (referer != null) {
                req.header("Referer", referer);
            }
            HttpResponse<byte[]> resp;
            try {
                resp = client.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException | IllegalArgumentException e) {
                return new Result(0, chain, current, "", String.valueOf(e.getMessage()));
            }
            status = resp.statusCode();
            String location = resp.headers().firstValue("Location").orElse(null);
            if (status >= 300 && status < 400 && location != null) {
                current = URI.create(current).resolve(location.trim()).toString();
                chain.add(current);
                continue;
            }
            String body = CharsetDetector.decode(resp.body(),
                    resp.headers().firstValue("Content-Type").orElse(null));
            return new Result(status, chain, current, body, "");
        }
        return new Result(status, chain, current, "", "重定向次数过多");
    }
}
