package cn.xunjian.cli;

/** The exit codes of the contract in DESIGN.md, mapped in one place. */
final class ExitCodes {
    /** Ran, and every site is 合格 (for verify: evidence intact; for recheck: the finding is gone). */
    public static final int OK = 0;
    /** Ran, and some site is 不合格 (for verify: evidence changed or missing; for recheck: still present). */
    public static final int FAILED = 1;
    /** Usage or configuration error; the message names file, field and line. */
    public static final int USAGE = 2;
    /** Internal failure, or the machine lacks what the agent needs. */
    public static final int INTERNAL = 3;
    /**
     * recheck: the check could not run (page unreachable, check failed), so nothing is claimed; the code of an
     * internal failure, since the agent could not do its work.
     */
    public static final int UNDETERMINED = INTERNAL;

    private ExitCodes() {
    }
}
