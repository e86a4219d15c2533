package cn.xunjian.report;

import cn.xunjian.internal.Json;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;

/** Writes report.json. */
public final class ReportJsonWriter {
    public static final String FILE = "report.json";

    /** Writes the report as UTF-8 JSON; {@code out} is left open. */
    public void write(Report report, OutputStream out) throws IOException {
        Json.mapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, report);
    }
}
