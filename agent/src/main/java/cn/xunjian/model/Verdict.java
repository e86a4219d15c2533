package cn.xunjian.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The judgement of a site or account; written as 合格 / 不合格 only by the writers. */
public enum Verdict {
    PASSED("合格"), FAILED("不合格");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public boolean passed() {
        return this == PASSED;
    }

    public static Verdict of(boolean passed) {
        return passed ? PASSED : FAILED;
    }

    @JsonCreator
    public static Verdict fromLabel(String label) {
        for (Verdict v : values()) {
            if (v.label.equals(label) || v.name().equals(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict: " + label);
    }
}
