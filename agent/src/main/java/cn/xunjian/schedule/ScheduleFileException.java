package cn.xunjian.schedule;

import java.nio.file.Path;
import java.util.Locale;

/** A schedule file that cannot be used; the message names the file, the field and the line (exit code 2). */
public final class ScheduleFileException extends RuntimeException {
    private final Path file;
    private final String field;
    private final int line;

    public ScheduleFileException(Path file, String field, int line, String problem) {
        super(String.format(Locale.ROOT, "计划文件 %s 第 %d 行，字段 \"%s\"：%s", file, line, field, problem));
        this.file = file;
        this.field = field;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public String field() {
        return field;
    }

    public int line() {
        return line;
    }
}
