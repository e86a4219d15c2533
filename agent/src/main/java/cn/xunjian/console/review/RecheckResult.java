package cn.xunjian.console.review;

import java.util.List;

/**
 * What a re-check found.
 *
 * @param evidence paths of the fresh evidence files, recorded beside the old
 * @param detail a sentence for the history (Chinese)
 */
public record RecheckResult(Outcome outcome, List<String> evidence, String detail) {
    public RecheckResult {
        evidence = List.copyOf(evidence);
        detail = detail == null ? "" : detail;
    }

    public enum Outcome {
        /** The problem is still there: back to 已确认. */
        PRESENT,
        /** The problem is gone: 复验通过. */
        GONE,
        /** The re-check could not tell (site down, check errored): the finding stays 已整改待复验. */
        UNDETERMINED
    }
}
