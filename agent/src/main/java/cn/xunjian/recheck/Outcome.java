package cn.xunjian.recheck;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a re-check found out about one finding. */
public enum Outcome {
    /** The check ran and found the same finding (same id) again. */
    PRESENT("仍存在"),
    /** The check ran to its end on the page and the finding's id is no longer among its findings. */
    GONE("已整改"),
    /** The check could not run or did not complete (page unreachable, check failed): nothing is claimed. */
    UNDETERMINED("无法判定");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** The Chinese word for it, as the command line and the console show it. */
    public String label() {
        return label;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
