package cn.xunjian.net;

import cn.xunjian.internal.DataFile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells an anti-bot challenge from an answer of the site itself, by the markers of {@code challenges.json}: the
 * challenge statuses, each vendor's body markers and cookie names, and the shape of a generic one (a small page
 * whose script sets a cookie and reloads). Immutable, thread-safe.
 */
public final class ChallengeMarkers {
    private record Vendor(String name, Set<Integer> statuses, List<String> body, Pattern cookieNames) {
    }

    private final Set<Integer> statuses;
    private final int peekBytes;
    private final int genericMaxBytes;
    private final List<Pattern> genericScript;
    private final List<Vendor> vendors;
    private final Duration solveTimeout;
    private final int maxSolves;

    private ChallengeMarkers(DataFile.Obj root) {
        this.statuses = Set.copyOf(root.ints("statuses"));
        this.peekBytes = root.intValue("peekBytes");
        this.genericMaxBytes = root.intValue("genericMaxBytes");
        this.genericScript = root.strings("genericScript").stream().map(Pattern::compile).toList();
        this.solveTimeout = Duration.parse(root.string("solveTimeout"));
        this.maxSolves = root.intValue("maxSolves");
        List<Vendor> list = new ArrayList<>();
        for (DataFile.Obj v : root.objects("vendors", "name", "statuses", "body", "cookieNames?")) {
            list.add(new Vendor(v.string("name"), Set.copyOf(v.ints("statuses")), v.strings("body"),
                    v.has("cookieNames") ? Pattern.compile(v.string("cookieNames")) : null));
        }
        this.vendors = List.copyOf(list);
    }

    /** The markers of {@code challenges.json}, read once. */
    public static ChallengeMarkers standard() {
        return Standard.MARKERS;
    }

    /** Whether an answer with {@code status} may be a challenge, so that its body is worth a look. */
    public boolean mayBe(int status) {
        return statuses.contains(status);
    }

    /** How much of a possible challenge's body the detector reads. */
    public int peekBytes() {
        return peekBytes;
    }

    /** How long one browser solve may take. */
    public Duration solveTimeout() {
        return solveTimeout;
    }

    /** The most solves of one host in a run. */
    public int maxSolves() {
        return maxSolves;
    }

    /**
     * The challenge this answer is, if it is one.
     *
     * @param setCookies the answer's {@code Set-Cookie} values, or null
     * @param body       the first bytes of its body (at most {@link #peekBytes()}), or null
     * @param truncated  whether the body went on beyond {@code body}
     */
    public Optional<Challenge> detect(int status, List<String> setCookies, byte[] body, boolean truncated) {
        if (!statuses.contains(status)) {
            return Optional.empty();
        }
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        for (Vendor v : vendors) {
            if (!v.statuses().contains(status)) {
                continue;
            }
            for (String marker : v.body()) {
                if (text.contains(marker)) {
                    return Optional.of(new Challenge(v.name(), status));
                }
            }
            if (v.cookieNames() != null && setCookies != null) {
                for (String c : setCookies) {
                    if (v.cookieNames().matcher(cookieName(c)).matches()) {
                        return Optional.of(new Challenge(v.name(), status));
                    }
                }
            }
        }
        if (body != null && !truncated && body.length <= genericMaxBytes && !text.isBlank()
                && genericScript.stream().allMatch(p -> p.matcher(text).find())) {
            return Optional.of(new Challenge(Challenge.GENERIC, status));
        }
        return Optional.empty();
    }

    private static String cookieName(String setCookie) {
        int eq = setCookie.indexOf('=');
        return (eq < 0 ? setCookie : setCookie.substring(0, eq)).strip();
    }

    private static final class Standard {
        static final ChallengeMarkers MARKERS = new ChallengeMarkers(DataFile.read(ChallengeMarkers.class,
                "challenges.json").root("_comment?", "statuses", "peekBytes", "genericMaxBytes", "genericScript",
                "solveTimeout", "maxSolves", "vendors"));
    }
}
