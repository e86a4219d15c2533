package cn.xunjian.net;

import java.net.HttpCookie;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Passes a host's anti-bot challenge the way a citizen's browser does, for the stack to carry the outcome into its
 * own requests. The browser package implements it; the stack only knows this port.
 */
@FunctionalInterface
public interface ChallengeSolver {
    /** No browser at hand: every challenge stays unpassed. */
    ChallengeSolver NONE = (url, userAgent, timeout) -> Optional.empty();

    /**
     * Opens {@code url} as a browser announcing {@code userAgent} and waits, at most {@code timeout}, until the
     * challenge's script has set its cookie and the page reloaded to an answer that is no challenge.
     *
     * @return the browser's cookies for the URL and the user agent they are bound to; empty when not passed
     */
    Optional<Solution> solve(URI url, String userAgent, Duration timeout) throws InterruptedException;

    /** What passing earned: cookies to send from now on, and the user agent to send them with. */
    record Solution(List<HttpCookie> cookies, String userAgent) {
        public Solution {
            cookies = List.copyOf(cookies);
        }
    }
}
