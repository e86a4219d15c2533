package cn.xunjian.newmedia;

import cn.xunjian.crawl.CharsetDetector;
import cn.xunjian.net.HttpFailure;
import cn.xunjian.net.HttpOutcome;
import cn.xunjian.net.HttpRequest;
import cn.xunjian.net.HttpResponse;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.net.OutOfScope;
import cn.xunjian.net.Purpose;
import java.net.URI;
import java.time.Duration;

/**
 * Fetches a post list over HTTP through the stack (redirects followed, each hop within the scope), decoding the
 * body by header, meta or sniffing.
 */
final class HttpPostFetcher implements PostFetcher {
    private final HttpStack http;
    private final Duration timeout;

    /** A fetcher with a stack of its own within {@code scope}. */
    public HttpPostFetcher(NetworkScope scope, Duration timeout) {
        this(HttpStack.builder(scope).timeout(timeout).build(), timeout);
    }

    public HttpPostFetcher(HttpStack http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public Fetched fetch(String url) {
        try {
            URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Failed("地址格式错误：" + url);
        }
        HttpOutcome outcome;
        try {
            outcome = http.send(HttpRequest.get(url, Purpose.FEED).withTimeout(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("读取被中断");
        }
        if (outcome instanceof HttpResponse r) {
            String type = r.contentType() == null ? "" : r.contentType();
            return new Body(r.url(), r.status(), CharsetDetector.decode(r.body() == null ? new byte[0] : r.body(),
                    type));
        }
        if (outcome instanceof OutOfScope) {
            return new Failed(OutOfScope.REASON + "，未读取");
        }
        HttpFailure f = (HttpFailure) outcome;
        if (f.problem().timeout()) {
            return new Failed("读取超时（" + timeout.toSeconds() + "秒）");
        }
        if (f.problem() == HttpFailure.Problem.BAD_URL && f.redirects().isEmpty()) {
            return new Failed("地址格式错误：" + url);
        }
        return new Failed("无法读取：" + f.causeText());
    }
}
