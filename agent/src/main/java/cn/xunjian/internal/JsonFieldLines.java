package cn.xunjian.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The line each field and array element of a JSON text is written on, keyed by path ({@code steps[2].target.css},
 * {@code alerts[0]}); the root object is {@code ""}. Jackson's tree keeps no locations, so one streaming pass
 * records them, for the messages that name file, field and line (site files, scenarios, schedules).
 */
public final class JsonFieldLines {
    private JsonFieldLines() {
    }

    public static Map<String, Integer> of(ObjectMapper mapper, String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            ArrayDeque<String> stack = new ArrayDeque<>();
            ArrayDeque<Integer> index = new ArrayDeque<>();
            String pending = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                int line = p.currentTokenLocation().getLineNr();
                switch (t) {
                    case FIELD_NAME -> {
                        pending = p.currentName();
                        lines.putIfAbsent(join(stack, pending), line);
                    }
                    case START_OBJECT, START_ARRAY -> {
                        if (stack.isEmpty()) {
                            lines.putIfAbsent("", line);
                            stack.push("");
                        } else {
                            String seg = pending != null ? pending : "[" + nextIndex(index) + "]";
                            if (pending == null) {
                                lines.putIfAbsent(join(stack, seg), line);
                            }
                            stack.push(seg);
                        }
                        index.push(t == JsonToken.START_ARRAY ? -1 : Integer.MIN_VALUE);
                        pending = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        stack.pop();
                        index.pop();
                    }
                    default -> {
                        if (pending == null) {
                            lines.putIfAbsent(join(stack, "[" + nextIndex(index) + "]"), line);
                        }
                        pending = null;
                    }
                }
            }
        }
        return lines;
    }

    /** What is wrong with a JSON file, where: the field path and its line, and a Chinese description. */
    public record Problem(String field, int line, String message) {
    }

    /**
     * Describes a Jackson error for a user: an unknown field (with the allowed ones), a value of the wrong type, or
     * broken JSON; the line is the field's own line from {@code lines} where known, since Jackson reports record
     * errors where its buffering stopped.
     */
    public static Problem problem(JsonProcessingException e, Map<String, Integer> lines) {
        int reported = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        if (e instanceof UnrecognizedPropertyException u) {
            String field = path(u, "(根对象)");
            return new Problem(field, lines.getOrDefault(field, reported), "未知字段（允许的字段："
                    + u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "))
                    + "）");
        }
        if (e instanceof MismatchedInputException m) {
            String field = path(m, "(根对象)");
            return new Problem(field, lines.getOrDefault(field, reported), "类型错误：" + m.getOriginalMessage());
        }
        return new Problem("(JSON)", reported, "JSON 格式错误：" + e.getOriginalMessage());
    }

    /**
     * The path of the value a mapping error is about, in the notation of {@link #of} ({@code alerts[0].url}), or
     * {@code root} when the error is about the whole document.
     */
    public static String path(JsonMappingException e, String root) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? root : sb.toString();
    }

    private static int nextIndex(ArrayDeque<Integer> index) {
        if (index.isEmpty() || index.peek() == Integer.MIN_VALUE) {
            return 0;
        }
        int next = index.pop() + 1;
        index.push(next);
        return next;
    }

    private static String join(ArrayDeque<String> stack, String name) {
        StringBuilder sb = new StringBuilder();
        Iterator<String> it = stack.descendingIterator();
        while (it.hasNext()) {
            String seg = it.next();
            if (seg.isEmpty()) {
                continue;
            }
            if (sb.length() > 0 && !seg.startsWith("[")) {
                sb.append('.');
            }
            sb.append(seg);
        }
        if (sb.length() > 0 && !name.startsWith("[")) {
            sb.append('.');
        }
        return sb.append(name).toString();
    }
}
