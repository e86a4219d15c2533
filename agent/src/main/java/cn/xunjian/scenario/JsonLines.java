package cn.xunjian.scenario;

import cn.xunjian.internal.JsonFieldLines;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/**
 * The line each field and array element of a JSON text is written on, keyed by path ({@code steps[2].target.css},
 * {@code steps[2]}); the root object is {@code ""}.
 */
final class JsonLines {
    private final Map<String, Integer> lines;

    private JsonLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static JsonLines of(ObjectMapper mapper, String text) throws IOException {
        return new JsonLines(JsonFieldLines.of(mapper, text));
    }

    /** The line of {@code path}, else of the nearest enclosing path that has one, else 1. */
    int line(String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut <= 0 ? "" : p.substring(0, cut);
        }
    }
}
