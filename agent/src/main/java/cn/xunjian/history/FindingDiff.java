package cn.xunjian.history;

import cn.xunjian.model.Finding;
import cn.xunjian.model.FindingIds;
import cn.xunjian.model.Severity;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Marks the findings of a run as new or still open against the previous run of the same site, and lists the ones
 * that were fixed.
 *
 * <p>Two findings are the same problem when their ids ({@link FindingIds}) agree. Findings stored before ids
 * existed have none; they are matched by their old key: indicator, kind, URL and the message with every number
 * replaced by {@code #}, so "本次40次探测失败3次" and "本次40次探测失败5次" are one problem whose count changed.
 * Severity is not part of either identity: a problem that turned from warning into veto is still open.
 *
 * <p>Informational findings ({@link Severity#INFO}) are not problems and take no part. Equal keys are matched
 * one to one, so two occurrences now against one before give one open and one new.
 */
public final class FindingDiff {
    private FindingDiff() {
    }

    /**
     * @param previous the findings of the previous run (empty for a first run: everything is new)
     * @param current the findings of this run
     * @return every non-informational current finding, in order, marked {@code NEW} or {@code OPEN}, followed by
     *         the previous findings not seen again, marked {@code FIXED}
     */
    public static List<FindingChange> diff(List<Finding> previous, List<Finding> current) {
        List<Finding> before = previous.stream().filter(f -> f.severity() != Severity.INFO).toList();
        List<Finding> now = current.stream().filter(f -> f.severity() != Severity.INFO).toList();
        boolean[] matchedBefore = new boolean[before.size()];
        boolean[] open = new boolean[now.size()];
        match(before, now, f -> f.id(), matchedBefore, open);
        match(before, now, FindingDiff::key, matchedBefore, open);
        List<FindingChange> changes = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            changes.add(new FindingChange(now.get(i), open[i] ? FindingChange.Change.OPEN : FindingChange.Change.NEW));
        }
        for (int i = 0; i < before.size(); i++) {
            if (!matchedBefore[i]) {
                changes.add(new FindingChange(before.get(i), FindingChange.Change.FIXED));
            }
        }
        return changes;
    }

    /** Pairs the still unmatched findings whose keys agree, one to one, in order; a null key matches nothing. */
    private static void match(List<Finding> before, List<Finding> now, Function<Finding, String> key,
                              boolean[] matchedBefore, boolean[] open) {
        Map<String, Deque<Integer>> waiting = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            String k = key.apply(before.get(i));
            if (!matchedBefore[i] && k != null) {
                waiting.computeIfAbsent(k, x -> new ArrayDeque<>()).add(i);
            }
        }
        for (int i = 0; i < now.size(); i++) {
            String k = key.apply(now.get(i));
            Deque<Integer> same = open[i] || k == null ? null : waiting.get(k);
            Integer earlier = same == null ? null : same.poll();
            if (earlier != null) {
                matchedBefore[earlier] = true;
                open[i] = true;
            }
        }
    }

    /** The identity of a finding stored before ids existed. */
    public static String key(Finding f) {
        return String.join("\u001f", f.indicator(), f.kind(), f.url(), messageKey(f.message()));
    }

    /** The message with numbers as {@code #} and whitespace collapsed. */
    public static String messageKey(String message) {
        return FindingIds.messageKey(message);
    }
}
