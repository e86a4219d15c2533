package cn.xunjian.net;

import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passes each host's anti-bot challenge once, through the {@link ChallengeSolver}, for every request of the stack:
 * the first request a host challenges solves it while the others to that host wait, then all are sent again with
 * the browser's cookies and user agent. A challenge that comes back later (its cookies expired) is solved again,
 * up to {@link ChallengeMarkers#maxSolves()} times per host; a host whose challenge could not be passed stays
 * guarded for the rest of the run rather than starting a browser for each of its URLs. Thread-safe.
 */
final class ChallengeGuard {
    /** What is known of one host's challenge. */
    private static final class Host {
        /** Counts the solves that succeeded: a request sent before the latest one may simply be sent again. */
        int generation;
        int solves;
        boolean failed;
        String vendor;
    }

    private final ChallengeSolver solver;
    private final ChallengeMarkers markers;
    private final CookieHandler jar;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    ChallengeGuard(ChallengeSolver solver, ChallengeMarkers markers, CookieHandler jar) {
        this.solver = solver;
        this.markers = markers;
        this.jar = jar;
    }

    /** The generation of {@code host}'s solution that a request sent now carries. */
    int generation(String host) {
        Host h = hosts.get(host);
        if (h == null) {
            return 0;
        }
        synchronized (h) {
            return h.generation;
        }
    }

    /**
     * Called when a request to {@code uri}, sent with generation {@code sentWith}, was answered with
     * {@code challenge}. Returns true when the request should be sent again: another request has passed the
     * challenge since, or this call passed it now. The caller must hold no per-host permit.
     */
    boolean pass(URI uri, Challenge challenge, int sentWith, HttpStack stack) throws InterruptedException {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        Host h = hosts.computeIfAbsent(host, k -> new Host());
        synchronized (h) {
            h.vendor = challenge.vendor();
            if (h.generation != sentWith) {
                return !h.failed;
            }
            if (h.failed || h.solves >= markers.maxSolves()) {
                h.failed = true;
                return false;
            }
            h.solves++;
            var solution = solver.solve(uri, stack.userAgent(host, Purpose.PAGE), markers.solveTimeout());
            if (solution.isEmpty()) {
                h.failed = true;
                return false;
            }
            keep(uri, solution.get().cookies());
            stack.identify(host, solution.get().userAgent());
            h.generation++;
            return true;
        }
    }

    /** How many times {@code host}'s challenge was solved or tried; 0 when it never challenged. */
    int solves(String host) {
        Host h = hosts.get(host.toLowerCase(Locale.ROOT));
        if (h == null) {
            return 0;
        }
        synchronized (h) {
            return h.solves;
        }
    }

    private void keep(URI uri, List<HttpCookie> cookies) {
        List<String> headers = new ArrayList<>(cookies.size());
        for (HttpCookie c : cookies) {
            // host-only: the solution was earned for this host, and is tried again for any other
            StringBuilder b = new StringBuilder(c.getName()).append('=').append(c.getValue());
            b.append("; Path=").append(c.getPath() == null ? "/" : c.getPath());
            if (c.getMaxAge() >= 0) {
                b.append("; Max-Age=").append(c.getMaxAge());
            }
            if (c.getSecure()) {
                b.append("; Secure");
            }
            headers.add(b.toString());
        }
        try {
            jar.put(uri, Map.of("Set-Cookie", headers));
        } catch (java.io.IOException e) {
            // a jar that cannot store a cookie only loses that cookie; the retry then meets the challenge again
        }
    }
}
