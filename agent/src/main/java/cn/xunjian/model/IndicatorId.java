package cn.xunjian.model;

import java.util.Optional;

/** The indicator IDs of INDICATORS.md; a finding's {@code indicator} is one of these, written as {@code W-V1}. */
public enum IndicatorId {
    W_V1, W_V2, W_V3, W_V4, W_V5, W_V6,
    W_D1, W_D2, W_D3, W_D4, W_D5, W_D6, W_D7,
    M_V1, M_V2, M_V3, M_D1, M_D2;

    /** The ID as written in reports: {@code W-V1}. */
    public String id() {
        return name().replace('_', '-');
    }

    /** Whether the indicator is about government new media (accounts, mini programs, web views). */
    public boolean newMedia() {
        return name().startsWith("M_");
    }

    public static Optional<IndicatorId> of(String id) {
        for (IndicatorId i : values()) {
            if (i.id().equals(id)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id();
    }
}
