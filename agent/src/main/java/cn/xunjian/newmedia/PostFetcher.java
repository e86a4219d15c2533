package cn.xunjian.newmedia;

/** Fetches the public post list of an account. A seam: tests and other transports (a browser) plug in here. */
@FunctionalInterface
interface PostFetcher {
    /** What came back. */
    sealed interface Fetched {
    }

    /** A response with its decoded body. */
    record Body(String finalUrl, int status, String text) implements Fetched {
    }

    /** Nothing usable came back; {@code reason} is a Chinese sentence. */
    record Failed(String reason) implements Fetched {
    }

    Fetched fetch(String url);
}
