package cn.xunjian.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One request as a caller asks for it; the stack adds the purpose's headers, follows redirects and applies its
 * policies.
 *
 * @param method      GET, HEAD or POST
 * @param url         the absolute http(s) URL as given (checked against the scope before anything is sent)
 * @param purpose     picks the user agent, {@code Accept} and redirect rule from {@code http.json}
 * @param headers     headers besides the purpose's; one with the name of a purpose header replaces it
 * @param body        the bytes to POST, or null (compared by identity, like any array in a record)
 * @param bodyPolicy  how much of the response body to keep
 * @param timeout     for each hop, connecting, headers and body together; null for the stack's
 * @param maxRedirects most redirects followed; -1 for the purpose's
 * @param resolver    how a {@code Location} becomes the next URL; null for {@link LocationResolver#STANDARD}
 */
public record HttpRequest(String method, String url, Purpose purpose, List<Header> headers, byte[] body,
                          BodyPolicy bodyPolicy, Duration timeout, int maxRedirects, LocationResolver resolver) {
    public HttpRequest {
        if (method == null || url == null || purpose == null || bodyPolicy == null) {
            throw new IllegalArgumentException("a request needs a method, a URL, a purpose and a body policy");
        }
        headers = List.copyOf(headers);
    }

    /** A GET for {@code purpose} that keeps the whole body. */
    public static HttpRequest get(String url, Purpose purpose) {
        return new HttpRequest("GET", url, purpose, List.of(), null, BodyPolicy.ALL, null, -1, null);
    }

    /** A POST of {@code body} with its {@code Content-Type}, keeping the whole answer. */
    public static HttpRequest post(String url, Purpose purpose, String contentType, byte[] body) {
        return new HttpRequest("POST", url, purpose, List.of(new Header("Content-Type", contentType)), body,
                BodyPolicy.ALL, null, -1, null);
    }

    public HttpRequest withHeader(String name, String value) {
        List<Header> more = new ArrayList<>(headers);
        more.add(new Header(name, value));
        return new HttpRequest(method, url, purpose, more, body, bodyPolicy, timeout, maxRedirects, resolver);
    }

    public HttpRequest withTimeout(Duration t) {
        return new HttpRequest(method, url, purpose, headers, body, bodyPolicy, t, maxRedirects, resolver);
    }

    public HttpRequest withMaxRedirects(int max) {
        return new HttpRequest(method, url, purpose, headers, body, bodyPolicy, timeout, max, resolver);
    }
}
