package cn.xunjian.history;

import cn.xunjian.check.Finding;
import cn.xunjian.check.Severity;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Marks the findings of a run as new or still open against the previous run of the same site, and lists the ones
 * that were fixed.
 *
 * <p>Two findings are the same problem when indicator, kind, URL and the message key agree. The message key is
 * the message with every number replaced by {@code #} and whitespace collapsed, so "本次40次探测失败3次" and
 * "本次40次探测失败5次" are one problem whose count changed, while a different reason or page is another.
 * Severity is not part of the identity: a problem that turned from warning into veto is still open.
 *
 * <p>Informational findings ({@link Severity#INFO}) are not problems and take no part. Equal keys are matched
 * one to one, so two occurrences now against one before give one open and one new.
 */
public final class FindingDiff {
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private FindingDiff() {
    }

    /**
     * @param previous the findings of the previous run (empty for a first run: everything is new)
     * @param current the findings of this run
     * @return every non-informational current finding, in order, marked {@code NEW} or {@code OPEN}, followed by
     *         the previous findings not seen again, marked {@code FIXED}
     */
    public static List<FindingChange> diff(List<Finding> previous, List<Finding> current) {
        Map<String, Deque<Finding>> before = new HashMap<>();
        for (Finding f : previous) {
            if (f.severity() != Severity.INFO) {
                before.computeIfAbsent(key(f), k -> new ArrayDeque<>()).add(f);
            }
        }
        List<FindingChange> changes = new ArrayList<>();
        for (Finding f : current) {
            if (f.severity() == Severity.INFO) {
                continue;
            }
            Deque<Finding> same = before.get(key(f));
            boolean open = same != null && same.poll() != null;
            changes.add(new FindingChange(f, open ? FindingChange.Change.OPEN : FindingChange.Change.NEW));
        }
        for (Finding f : previous) {
            if (f.severity() == Severity.INFO) {
                continue;
            }
            Deque<Finding> left = before.get(key(f));
            if (left != null && left.remove(f)) {
                changes.add(new FindingChange(f, FindingChange.Change.FIXED));
            }
        }
        return changes;
    }

    /** The identity of a finding across runs. */
    public static String key(Finding f) {
        return String.join("\u001f", f.indicator(), f.kind(), f.url(), messageKey(f.message()));
    }

    /** The message with numbers as {@code #} and whitespace collapsed. */
    public static String messageKey(String message) {
        String digitsOut = NUMBER.matcher(message).replaceAll("#");
        return SPACE.matcher(digitsOut).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }
}
