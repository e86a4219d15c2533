package cn.xunjian.check;

import cn.xunjian.model.ProbeRecord;

import cn.xunjian.browser.BrowserSession;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.browser.PageLoad;
import cn.xunjian.crawl.CharsetDetector;
import cn.xunjian.internal.ShanghaiTime;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/** Visits a home page the two ways W-V2 cares about: a plain HTTP GET and a full render in the browser. */
public final class AvailabilityProbe {
    private final Duration timeout;
    private final Clock clock;
    private final NetworkScope scope;
    private final HttpClient client;

    public AvailabilityProbe(Duration timeout, Clock clock, NetworkScope scope) {
        this.timeout = timeout;
        this.clock = clock;
        this.scope = scope;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(timeout).build();
    }

    public ProbeRecord http(String url) throws InterruptedException {
        String at = ShanghaiTime.iso(clock);
        if (!scope.allows(url)) {
            return new ProbeRecord("http", url, 0, 0, false, "超出允许访问的网络范围", at);
        }
        long start = System.nanoTime();
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0 Safari/537.36 Xunjian")
                    .GET().build();
            HttpResponse<byte[]> resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            long ms = (System.nanoTime() - start) / 1_000_000;
            String body = CharsetDetector.decode(resp.body(), resp.headers().firstValue("Content-Type").orElse(null));
            String reason = resp.statusCode() >= 400 ? "HTTP " + resp.statusCode()
                    : body.isBlank() ? "返回空白页面" : "";
            return new ProbeRecord("http", url, resp.statusCode(), ms, reason.isEmpty(), reason, at);
        } catch (HttpTimeoutException e) {
            return failed(url, start, "超过" + timeout.toSeconds() + "秒未响应", at);
        } catch (ConnectException e) {
            return failed(url, start, "连接被拒绝或无法连接", at);
        } catch (IOException | IllegalArgumentException e) {
            return failed(url, start, "网络错误：" + e.getMessage(), at);
        }
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

    private static ProbeRecord failed(String url, long start, String reason, String at) {
        return new ProbeRecord("http", url, 0, (System.nanoTime() - start) / 1_000_000, false, reason, at);
    }

    /** A browser probe and what it loaded. */
    public record BrowserVisit(ProbeRecord record, PageLoad load) {
    }
}
