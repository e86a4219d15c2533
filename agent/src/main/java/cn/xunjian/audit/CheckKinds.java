package cn.xunjian.audit;

import cn.xunjian.internal.RuleFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which check of an audit produces a finding, by the finding's kind, read from {@code check-kinds.json}. The
 * producers are the names report.json gives the checks' outcomes: the registered checks, and the parts of the audit
 * that are not checks of their own (availability, crawl, audit). A kind is owned by exactly one producer, except for
 * the few kinds the data file lists under two (see {@link #producers}).
 */
public final class CheckKinds {
    private static final String ERRORED = ".errored";
    private static final String ANY = ".*";

    private final Map<String, List<String>> checks;

    /** @param checks each producer's kinds: exact, or a prefix ending in {@code .*} */
    public CheckKinds(Map<String, List<String>> checks) {
        this.checks = new LinkedHashMap<>();
        checks.forEach((name, kinds) -> this.checks.put(name, List.copyOf(kinds)));
    }

    private record File(String about, Map<String, List<String>> checks) {
    }

    public static CheckKinds standard() {
        return new CheckKinds(RuleFiles.load(CheckKinds.class, "check-kinds.json", File.class).checks());
    }

    /** Every producer's name, in the data file's order. */
    public Set<String> names() {
        return checks.keySet();
    }

    /**
     * The producers of {@code kind}, in the data file's order: one for almost every kind; two for a shared kind;
     * none for a kind nothing declares.
     */
    public List<String> producers(String kind) {
        List<String> found = new ArrayList<>();
        checks.forEach((name, kinds) -> {
            if (kind.equals(name + ERRORED) || kinds.stream().anyMatch(k -> matches(k, kind))) {
                found.add(name);
            }
        });
        return found;
    }

    static boolean matches(String declared, String kind) {
        return declared.endsWith(ANY) ? kind.startsWith(declared.substring(0, declared.length() - 1))
                : declared.equals(kind);
    }
}
