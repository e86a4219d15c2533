package cn.xunjian.report;

import cn.xunjian.internal.Json;
import java.io.IOException;
import java.nio.file.Path;

/** Writes report.json. */
public final class ReportJsonWriter {
    public static final String FILE = "report.json";

    public Path write(Report report, Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        Json.mapper().writeValue(file.toFile(), report);
        return file;
    }
}
