package cn.xunjian.net;

import java.util.Locale;

/**
 * How much of a response body the caller wants, decided once the headers are in. A body that is not kept is
 * still read and dropped when it is small (so the connection can be reused), else the connection is closed
 * instead of downloading the rest.
 */
@FunctionalInterface
public interface BodyPolicy {
    /** No body: a reachability check. */
    BodyPolicy NONE = (status, contentType) -> 0;
    /** The whole body, whatever its status and type. */
    BodyPolicy ALL = (status, contentType) -> Long.MAX_VALUE;

    /**
     * The most body bytes to keep, 0 to keep none.
     *
     * @param contentType the response's {@code Content-Type}, {@code text/html} when it sent none
     */
    long keep(int status, String contentType);

    /** An HTML page answered with 200, up to {@code maxBytes}; nothing of any other answer. */
    static BodyPolicy htmlPage(long maxBytes) {
        return (status, contentType) -> status == 200 && isHtml(contentType) ? maxBytes : 0;
    }

    /** Whether a {@code Content-Type} is HTML, or says nothing (servers that omit it mostly send pages). */
    static boolean isHtml(String contentType) {
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.contains("html") || t.isBlank();
    }
}
