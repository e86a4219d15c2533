package cn.xunjian.darklink;

import cn.xunjian.crawl.CharsetDetector;
import cn.xunjian.net.HttpFailure;
import cn.xunjian.net.HttpOutcome;
import cn.xunjian.net.HttpRequest;
import cn.xunjian.net.HttpResponse;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.OutOfScope;
import cn.xunjian.net.Purpose;
import java.time.Duration;
import java.util.List;

/**
 * Fetches one URL over HTTP through the stack as a given user agent and referer; the stack follows the redirects,
 * records the chain and never leaves the allowed network scope.
 */
final class HttpProbe {
    /** One fetch: the last status, the redirect chain, where it ended and the decoded body ("" when none). */
    record Result(int status, List<String> redirects, String finalUrl, String body, String error) {
    }

    private final HttpStack http;
    private final Duration timeout;
    private final int maxRedirects;

    HttpProbe(HttpStack http, Duration timeout, int maxRedirects) {
        this.http = http;
        this.timeout = timeout;
        this.maxRedirects = maxRedirects;
    }

    Result fetch(String url, String userAgent, String referer) throws InterruptedException {
        HttpRequest request = HttpRequest.get(url, Purpose.HIJACK).withHeader("User-Agent", userAgent)
                .withTimeout(timeout).withMaxRedirects(maxRedirects);
        if (referer != null) {
            request = request.withHeader("Referer", referer);
        }
        HttpOutcome outcome = http.send(request);
        if (outcome instanceof HttpResponse r) {
            String body = r.body() == null ? "" : CharsetDetector.decode(r.body(), r.contentType());
            return new Result(r.status(), r.redirects(), r.url(), body, "");
        }
        if (outcome instanceof OutOfScope s) {
            return new Result(s.status(), s.redirects(), s.url(), "", OutOfScope.REASON);
        }
        HttpFailure f = (HttpFailure) outcome;
        String error = switch (f.problem()) {
            case TOO_MANY_REDIRECTS, REDIRECT_LOOP -> "重定向次数过多";
            case BAD_REDIRECT -> f.message();
            default -> String.valueOf(f.cause() == null ? f.message() : f.cause().getMessage());
        };
        return new Result(f.status(), f.redirects(), f.url(), "", error);
    }
}
