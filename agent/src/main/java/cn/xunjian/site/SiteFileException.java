package cn.xunjian.site;

import java.nio.file.Path;

/** A site file that cannot be used; the message names the file, the field and the line. */
public final class SiteFileException extends RuntimeException {
    private final Path file;
    private final String field;
    private final int line;

    public SiteFileException(Path file, String field, int line, String problem) {
        super(String.format(java.util.Locale.ROOT, "站点文件 %s 第 %d 行，字段 \"%s\"：%s", file, line, field, problem));
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
