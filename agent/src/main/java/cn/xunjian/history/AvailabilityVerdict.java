package cn.xunjian.history;

/** What a week of probes says about W-V2. */
public enum AvailabilityVerdict {
    /** Failures reached the veto ratio (or will, whatever the missing probes show). */
    VETO,
    /** Enough probes and failures below the veto ratio. */
    OK,
    /** Too few probes to judge, and the failures so far do not decide it. */
    INSUFFICIENT;

    /** Chinese label for reports. */
    public String label() {
        return switch (this) {
            case VETO -> "单项否决";
            case OK -> "正常";
            case INSUFFICIENT -> "样本不足";
        };
    }
}
