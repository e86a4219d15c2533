package cn.xunjian.site;

import cn.xunjian.internal.ConfigFileException;
import java.nio.file.Path;

/** A site file that cannot be used; the message names the file, the field and the line. */
public final class SiteFileException extends ConfigFileException {
    private final String field;

    public SiteFileException(Path file, String field, int line, String problem) {
        super("站点文件", file, line, "字段 \"" + field + "\"", problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
