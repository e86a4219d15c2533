package cn.xunjian.site;

import cn.xunjian.internal.ConfigFileException;
import java.nio.file.Path;

/** A site file that cannot be used; the message names the file, the field and the line. */
public final class SiteFileException extends ConfigFileException {
    private final String field;
    private final String problem;

    public SiteFileException(Path file, String field, int line, String problem) {
        super("站点文件", file, line, "字段 \"" + field + "\"", problem);
        this.field = field;
        this.problem = problem;
    }

    /** A site's JSON text that is not a file (the web console's form), named {@code source} in the message. */
    public SiteFileException(String source, String field, int line, String problem) {
        super("站点文件", source, line, "字段 \"" + field + "\"", problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    /** What is wrong, without the file, line and field (the form shows it next to the field). */
    public String problem() {
        return problem;
    }
}
