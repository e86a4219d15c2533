package cn.xunjian.check;

import cn.xunjian.crawl.CheckedLink;
import cn.xunjian.model.Account;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The typed facts checks establish about one site during its audit. Confined to the site's audit thread. Values
 * that are lists accumulate: two checks may each add accounts, for instance.
 */
public final class Facts {
    /** The new-media accounts, mini programs and web views of the site, each to be judged on its own. */
    public static final Fact<Account> ACCOUNTS = new Fact<>("accounts", Account.class);
    /** The links to pages of other sites the crawl checked with a preview of what their targets now serve. */
    public static final Fact<CheckedLink> LINK_TARGETS = new Fact<>("link targets", CheckedLink.class);
    /** The attachments the crawl found and checked (reachable or not), for the checks that read them. */
    public static final Fact<CheckedLink> ATTACHMENTS = new Fact<>("attachments", CheckedLink.class);

    private final Map<Fact<?>, List<Object>> values = new LinkedHashMap<>();

    /** Adds one value of a fact. */
    public <T> void add(Fact<T> fact, T value) {
        values.computeIfAbsent(fact, f -> new ArrayList<>()).add(fact.type().cast(value));
    }

    /** Adds several values of a fact. */
    public <T> void addAll(Fact<T> fact, List<? extends T> more) {
        more.forEach(v -> add(fact, v));
    }

    /** Every value of the fact, in the order they were added; empty when no check established it. */
    public <T> List<T> all(Fact<T> fact) {
        List<Object> held = values.getOrDefault(fact, List.of());
        return held.stream().map(fact.type()::cast).toList();
    }

    /** The first value of the fact. */
    public <T> Optional<T> first(Fact<T> fact) {
        return all(fact).stream().findFirst();
    }
}
