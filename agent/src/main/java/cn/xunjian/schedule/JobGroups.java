package cn.xunjian.schedule;

import java.util.Set;

/** The Quartz job groups of the daemon; jobs of these groups that the schedule no longer has are deleted. */
final class JobGroups {
    static final String PROBE = "probe";
    static final String BROWSER_PROBE = "browser-probe";
    static final String AUDIT = "audit";
    static final String BATCH = "batch";
    static final Set<String> ALL = Set.of(PROBE, BROWSER_PROBE, AUDIT, BATCH);

    private JobGroups() {
    }
}
