package cn.xunjian.check;

import cn.xunjian.browser.BrowserSession;
import cn.xunjian.browser.PageLoad;
import cn.xunjian.crawl.CharsetDetector;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.model.ProbeRecord;
import cn.xunjian.net.HttpFailure;
import cn.xunjian.net.HttpOutcome;
import cn.xunjian.net.HttpRequest;
import cn.xunjian.net.HttpResponse;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.net.OutOfScope;
import cn.xunjian.net.Purpose;
import java.time.Clock;
import java.time.Duration;

/**
 * Visits a home page the two ways W-V2 cares about: a plain HTTP GET (through the stack, so every redirect hop
 * stays in scope) and a full render in the browser.
 */
public final class AvailabilityProbe {
    private final HttpStack http;
    private final Duration timeout;
    private final Clock clock;

    /** A probe with a stack of its own within {@code scope}. */
    public AvailabilityProbe(Duration timeout, Clock clock, NetworkScope scope) {
        this(HttpStack.builder(scope).timeout(timeout).build(), timeout, clock);
    }

    public AvailabilityProbe(HttpStack http, Duration timeout, Clock clock) {
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    public ProbeRecord http(String url) throws InterruptedException {
        String at = ShanghaiTime.iso(clock);
        if (!http.scope().allows(url)) {
            return new ProbeRecord("http", url, 0, 0, false, OutOfScope.REASON, at);
        }
        long start = System.nanoTime();
        HttpOutcome outcome = http.send(HttpRequest.get(url, Purpose.PROBE).withTimeout(timeout));
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (outcome instanceof HttpResponse resp) {
            String body = CharsetDetector.decode(resp.body() == null ? new byte[0] : resp.body(), resp.contentType());
            String reason = resp.status() >= 400 ? "HTTP " + resp.status()
                    : body.isBlank() ? "返回空白页面" : "";
            return new ProbeRecord("http", url, resp.status(), ms, reason.isEmpty(), reason, at);
        }
        if (outcome instanceof OutOfScope refused) {
            return new ProbeRecord("http", url, refused.status(), ms, false, OutOfScope.REASON, at);
        }
        HttpFailure f = (HttpFailure) outcome;
        String reason = switch (f.problem()) {
            case CONNECT_TIMEOUT, TIMEOUT -> "超过" + timeout.toSeconds() + "秒未响应";
            case REFUSED, DNS, UNREACHABLE -> "连接被拒绝或无法连接";
            case NETWORK, BAD_URL -> "网络错误：" + f.causeText();
            case BAD_REDIRECT, REDIRECT_LOOP, TOO_MANY_REDIRECTS, GUARDED -> f.message();
        };
        return new ProbeRecord("http", url, f.status(), ms, false, reason, at);
    }

    /** Renders the page; returns the record and the load so the caller can audit the rendered page. */
    public BrowserVisit browser(BrowserSession session, String url) {
        String at = ShanghaiTime.iso(clock);
        PageLoad load = session.load(url, timeout);
        long ms = load.elapsed().toMillis();
        if (load instanceof PageLoad.Loaded loaded) {
            String reason = loaded.status() >= 400 ? "HTTP " + loaded.status() : "";
            if (reason.isEmpty() && isBlank(loaded)) {
                reason = "页面空白（无文字、无图片）";
            }
            return new BrowserVisit(new ProbeRecord("browser", url, loaded.status(), ms, reason.isEmpty(), reason, at), load);
        }
        PageLoad.NotLoaded failed = (PageLoad.NotLoaded) load;
        String reason = failed.reason().equals("超时未打开") ? "超过" + timeout.toSeconds() + "秒未打开" : failed.reason();
        return new BrowserVisit(new ProbeRecord("browser", url, 0, ms, false, reason, at), load);
    }

    private static boolean isBlank(PageLoad.Loaded loaded) {
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(loaded.page().html());
        return doc.body().text().isBlank() && doc.select("img, canvas, svg, iframe, video").isEmpty();
    }

    /** A browser probe and what it loaded. */
    public record BrowserVisit(ProbeRecord record, PageLoad load) {
    }
}
