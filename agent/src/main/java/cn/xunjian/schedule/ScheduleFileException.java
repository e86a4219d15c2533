package cn.xunjian.schedule;

import cn.xunjian.internal.ConfigFileException;
import java.nio.file.Path;

/** A schedule file that cannot be used; the message names the file, the field and the line (exit code 2). */
public final class ScheduleFileException extends ConfigFileException {
    private final String field;

    public ScheduleFileException(Path file, String field, int line, String problem) {
        super("计划文件", file, line, "字段 \"" + field + "\"", problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
