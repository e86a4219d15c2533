package cn.xunjian.newmedia;

import cn.xunjian.net.NetworkScope;
import cn.xunjian.crawl.CharsetDetector;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Fetches a post list over plain HTTP (redirects followed), decoding the body by header, meta or sniffing. */
public final class HttpPostFetcher implements PostFetcher {
    private static final String USER_AGENT = "Mozilla/5.0 (compatible; Xunjian/0.1; +https://github.com/xunjian)";

    private final HttpClient client;
    private final NetworkScope scope;
    private final Duration timeout;

    public HttpPostFetcher(NetworkScope scope, Duration timeout) {
        this.scope = scope;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(timeout)
                .build();
    }

    @Override
    public Fetched fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Failed("地址格式错误：" + url);
        }
        if (!scope.allows(uri)) {
            return new Failed("超出允许访问的网络范围，未读取");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT).GET()
                .build();
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String type = r.headers().firstValue("Content-Type").orElse("");
            return new Body(r.uri().toString(), r.statusCode(), CharsetDetector.decode(r.body(), type));
        } catch (HttpTimeoutException e) {
            return new Failed("读取超时（" + timeout.toSeconds() + "秒）");
        } catch (IOException e) {
            return new Failed("无法读取：" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("读取被中断");
        }
    }
}
