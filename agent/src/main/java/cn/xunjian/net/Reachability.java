package cn.xunjian.net;

import cn.xunjian.internal.DataFile;
import cn.xunjian.net.HttpFailure.Problem;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this machine can reach, so that "this machine cannot reach that host" is not reported as "the link is
 * broken": inspectors' machines often sit on a government network with little or no way out. The hosts of the
 * sites being audited are home; every other host is external. A start-of-run probe of the hosts nearly every
 * government page links to ({@code reachability.json}: the ICP filing system, www.gov.cn, the 党政机关 mark) tells
 * whether the outside is reachable at all. A transport failure to an external host is then put down to this
 * machine when there is no route to it, or when the probe found the outside unreachable. With {@code --offline}
 * external hosts are not contacted at all. Thread-safe.
 */
public final class Reachability {
    /** What the probe found. */
    public enum Outside {
        /** At least one probe host answered. */
        REACHABLE,
        /** Every probe host failed in the network (DNS, refused, no route, time-out). */
        UNREACHABLE,
        /** Not probed, or the scope allowed no probe host. */
        UNKNOWN,
        /** {@code --offline}: external hosts are never contacted. */
        SKIPPED
    }

    private final Set<String> home = ConcurrentHashMap.newKeySet();
    private volatile Outside outside = Outside.UNKNOWN;

    /** The hosts the start-of-run probe asks, from {@code reachability.json}. */
    public static List<String> probeUrls() {
        return Standard.URLS;
    }

    /** How long one probe request may take. */
    public static Duration probeTimeout() {
        return Standard.TIMEOUT;
    }

    /** Marks {@code host} as one of the audited sites' own: never external. */
    public void home(String host) {
        if (host != null) {
            home.add(host.toLowerCase(Locale.ROOT));
        }
    }

    public boolean isExternal(String host) {
        return host != null && !home.contains(host.toLowerCase(Locale.ROOT));
    }

    public Outside outside() {
        return outside;
    }

    /** From now on external hosts are not contacted ({@code --offline}). */
    public void skipExternal() {
        outside = Outside.SKIPPED;
    }

    /** Whether a request to {@code url} is not to be sent because its host is external and the run is offline. */
    public boolean skips(URI url) {
        return outside == Outside.SKIPPED && isExternal(url.getHost());
    }

    /**
     * Whether a request to {@code host} that failed with {@code problem} says that this machine cannot reach the
     * host, rather than that the link is broken: only for external hosts (the audited site's own failures are its
     * own), only for network problems, and — a missing route aside — only when the outside is unreachable.
     */
    public boolean cannotReach(String host, Problem problem) {
        if (!isExternal(host) || !problem.transport()) {
            return false;
        }
        if (problem == Problem.UNREACHABLE) {
            return true;
        }
        return outside == Outside.UNREACHABLE && (problem == Problem.DNS || problem == Problem.REFUSED
                || problem.timeout());
    }

    /**
     * Asks each of {@code urls} with a HEAD through {@code http} and records what that says of the outside; a
     * run with {@code --offline} stays offline. Returns the finding.
     */
    public Outside probe(HttpStack http, List<String> urls, Duration timeout) throws InterruptedException {
        if (outside == Outside.SKIPPED) {
            return outside;
        }
        boolean failed = false;
        for (String url : urls) {
            HttpOutcome o = http.send(new HttpRequest("HEAD", url, Purpose.PROBE, List.of(), null, BodyPolicy.NONE,
                    timeout, 0, null));
            if (o instanceof HttpResponse) {
                outside = Outside.REACHABLE;
                return outside;
            }
            failed |= o instanceof HttpFailure f && f.problem().transport();
        }
        outside = failed ? Outside.UNREACHABLE : Outside.UNKNOWN;
        return outside;
    }

    private static final class Standard {
        static final List<String> URLS;
        static final Duration TIMEOUT;

        static {
            DataFile.Obj root = DataFile.read(Reachability.class, "reachability.json").root("_comment?", "probes",
                    "timeout");
            URLS = root.strings("probes");
            TIMEOUT = Duration.parse(root.string("timeout"));
        }
    }
}
