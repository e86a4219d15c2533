package cn.xunjian.schedule;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/** Maps each field path of a JSON text (e.g. {@code alerts[0].url}) to the line it is written on. */
final class FieldLines {
    private FieldLines() {
    }

    static Map<String, Integer> of(ObjectMapper mapper, String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            ArrayDeque<String> stack = new ArrayDeque<>();
            ArrayDeque<Integer> index = new ArrayDeque<>();
            String pending = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case FIELD_NAME -> {
                        pending = p.currentName();
                        lines.putIfAbsent(join(stack, pending), p.currentLocation().getLineNr());
                    }
                    case START_OBJECT, START_ARRAY -> {
                        if (stack.isEmpty() && pending == null && t == JsonToken.START_OBJECT) {
                            lines.putIfAbsent("", p.currentLocation().getLineNr());
                            stack.push("");
                        } else {
                            String seg = pending != null ? pending : "[" + nextIndex(index) + "]";
                            if (pending == null) {
                                lines.putIfAbsent(join(stack, seg), p.currentLocation().getLineNr());
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
                            lines.putIfAbsent(join(stack, "[" + nextIndex(index) + "]"), p.currentLocation().getLineNr());
                        }
                        pending = null;
                    }
                }
            }
        }
        return lines;
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
        var it = stack.descendingIterator();
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
