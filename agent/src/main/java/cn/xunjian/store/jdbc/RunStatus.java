package cn.xunjian.store.jdbc;

import java.util.Locale;

/** Where a stored audit run stands. Only {@link #COMPLETED} runs have findings and evidence rows. */
public enum RunStatus {
    RUNNING, COMPLETED, INTERRUPTED;

    /** The value kept in the {@code STATUS} column. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunStatus of(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
