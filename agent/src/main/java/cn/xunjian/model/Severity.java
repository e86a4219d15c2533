package cn.xunjian.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a finding weighs in the verdict; the JSON value is the lower-case name used in report.json. */
public enum Severity {
    VETO, DEDUCT, WARN, INFO;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Chinese label for reports. */
    public String label() {
        return switch (this) {
            case VETO -> "单项否决";
            case DEDUCT -> "扣分";
            case WARN -> "提醒";
            case INFO -> "信息";
        };
    }
}
