package cn.xunjian.crawl;

import cn.xunjian.net.BodyPolicy;
import cn.xunjian.net.HttpFailure;
import cn.xunjian.net.HttpOutcome;
import cn.xunjian.net.HttpRequest;
import cn.xunjian.net.HttpResponse;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.LocationResolver;
import cn.xunjian.net.Purpose;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The crawler's view of the {@link HttpStack}: pages fetched with their body (HTML answered with 200, up to a
 * byte cap), links checked without one (HEAD, and a GET cut off after the headers where HEAD is refused), each as
 * a {@link LinkStatus}; attachments downloaded, for the audit only, up to a byte cap of their own. Redirects are resolved with the crawler's URL normalization, so that loops through
 * spellings of one URL are seen.
 */
final class HttpFetcher {
    /**
     * Statuses after which a HEAD is retried as GET: many servers refuse or mishandle HEAD, and an anti-bot
     * challenge (412, 521) is only recognised by its body.
     */
    private static final Set<Integer> RETRY_WITH_GET = Set.of(400, 403, 404, 405, 412, 500, 501, 503, 521);

    private final HttpStack http;
    private final Duration timeout;
    private final BodyPolicy pagePolicy;
    private final LocationResolver resolver;

    /** A page fetch: the final URL after redirects, its status, and the body when it is HTML (else null). */
    record Fetched(String finalUrl, LinkStatus status, String contentType, byte[] body, boolean truncated) {
    }

    HttpFetcher(HttpStack http, Duration timeout, long maxPageBytes, UrlNormalizer normalizer) {
        this.http = http;
        this.timeout = timeout;
        this.pagePolicy = BodyPolicy.htmlPage(maxPageBytes);
        // a Location is a URL as a browser parses it, normalised as links are
        this.resolver = normalizer::resolve;
    }

    /** GETs a page, following redirects; the body is kept only for a 200 HTML answer, capped at maxPageBytes. */
    Fetched page(String url) throws InterruptedException {
        return fetch(url, "GET", Purpose.PAGE, pagePolicy);
    }

    /**
     * GETs a stylesheet, following redirects; the body is kept for a 200 answer labelled CSS (or not labelled),
     * capped at {@code maxBytes}, so that its {@code url()}s can be checked.
     */
    Fetched stylesheet(String url, long maxBytes) throws InterruptedException {
        return fetch(url, "GET", Purpose.LINK, (status, contentType) -> status == 200
                && (contentType.isBlank() || contentType.toLowerCase(java.util.Locale.ROOT).contains("css"))
                ? maxBytes : 0);
    }

    /** Checks that a URL answers, never reading a body: HEAD, and GET (cut off after the headers) if refused. */
    LinkStatus check(String url) throws InterruptedException {
        LinkStatus s = fetch(url, "HEAD", Purpose.LINK, BodyPolicy.NONE).status();
        if (!s.skipped() && s.error() == null && RETRY_WITH_GET.contains(s.status())) {
            return fetch(url, "GET", Purpose.LINK, BodyPolicy.NONE).status();
        }
        return s;
    }

    /** A link check and what the target showed: its status and, for a 200 HTML answer, its preview. */
    record Previewed(LinkStatus status, TargetPreview preview) {
    }

    /**
     * Checks a link to a page of another site with a GET that keeps only the first {@code maxBytes} of an HTML
     * answer, and previews what they hold; one request, as a HEAD would be.
     */
    Previewed preview(String url, long maxBytes) throws InterruptedException {
        Fetched f = fetch(url, "GET", Purpose.LINK, BodyPolicy.htmlPage(maxBytes));
        TargetPreview preview = f.body() == null || f.body().length == 0 ? null
                : TargetPreview.of(CharsetDetector.decode(f.body(), f.contentType()));
        return new Previewed(f.status(), preview);
    }

    /**
     * GETs an attachment, following redirects; the body of a 200 answer is kept up to {@code maxBytes} (then
     * {@link Fetched#truncated()}), within {@code timeout} per hop, headers and body together.
     */
    Fetched attachment(String url, long maxBytes, Duration timeout) throws InterruptedException {
        return fetch(url, "GET", Purpose.ATTACHMENT, (status, contentType) -> status == 200 ? maxBytes : 0, timeout);
    }

    /** Marks the crawled site's host as home: its failures are its own, never put down to this machine. */
    void home(String host) {
        http.reachability().home(host);
    }

    private boolean offlineSkipped(String url) {
        try {
            return http.reachability().skips(URI.create(url));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String host(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Fetched fetch(String url, String method, Purpose purpose, BodyPolicy policy) throws InterruptedException {
        return fetch(url, method, purpose, policy, timeout);
    }

    private Fetched fetch(String url, String method, Purpose purpose, BodyPolicy policy, Duration timeout)
            throws InterruptedException {
        long start = System.nanoTime();
        HttpOutcome o = http.send(new HttpRequest(method, url, purpose, List.of(), null, policy, timeout, -1,
                resolver));
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (o instanceof HttpResponse r) {
            return new Fetched(r.url(), new LinkStatus(url, r.status(), null, method, millis, false), r.contentType(),
                    r.body(), r.truncated());
        }
        if (o instanceof HttpFailure f) {
            LinkStatus failed = new LinkStatus(url, f.status(), f.message(), method, millis, false);
            if (f.problem() == HttpFailure.Problem.GUARDED) {
                failed = failed.unverifiable(Unverified.GUARDED);
            } else if (http.reachability().cannotReach(host(f.url()), f.problem())) {
                failed = failed.unverifiable(Unverified.UNREACHABLE);
            }
            return new Fetched(f.url(), failed, null, null, false);
        }
        if (offlineSkipped(o.url())) {
            return new Fetched(o.url(), new LinkStatus(url, 0, null, method, millis, false, Unverified.OFFLINE),
                    null, null, false);
        }
        return new Fetched(o.url(), LinkStatus.skipped(url), null, null, false);
    }
}
