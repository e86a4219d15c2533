package cn.xunjian.internal;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A file the user wrote (site file, scenario, schedule) that cannot be used. The message names the kind of file,
 * the file, the line and where in it (a field or a step), so the user can go straight there; the CLI exits 2.
 */
public abstract class ConfigFileException extends RuntimeException {
    private final Path file;
    private final int line;

    /**
     * @param kind the file's kind in Chinese, e.g. 站点文件
     * @param where the field or step, e.g. {@code 字段 "url"} or {@code 第 3 步（click）}
     */
    protected ConfigFileException(String kind, Path file, int line, String where, String problem) {
        super(String.format(Locale.ROOT, "%s %s 第 %d 行，%s：%s", kind, file, line, where, problem));
        this.file = file;
        this.line = line;
    }

    /**
     * A text that is not a file of its own (a site typed into the web console): {@code source} names it where the
     * message would name the file, the rest of the message is the same.
     */
    protected ConfigFileException(String kind, String source, int line, String where, String problem) {
        super(String.format(Locale.ROOT, "%s %s 第 %d 行，%s：%s", kind, source, line, where, problem));
        this.file = null;
        this.line = line;
    }

    /** The file, or null for a text that came from elsewhere (see the constructor with a source name). */
    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
