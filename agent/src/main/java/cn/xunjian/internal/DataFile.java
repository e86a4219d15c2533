package cn.xunjian.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads small JSON data files with Jackson's streaming parser into maps and lists, and hands out their fields
 * strictly (a missing field, an unknown one or a wrong type is an error, as with the project's object mapper).
 * For data read on the start-up path of {@code xunjian links}, a short batch run: building an
 * {@code ObjectMapper} and binding records by reflection cost it about 0.2 s of start-up, several times what the
 * parsing needs.
 */
public final class DataFile {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final String name;
    private final Map<String, Object> root;

    private DataFile(String name, Map<String, Object> root) {
        this.name = name;
        this.root = root;
    }

    /** Reads a resource next to {@code owner}. */
    public static DataFile read(Class<?> owner, String resource) {
        try (JsonParser p = FACTORY.createParser(RuleFiles.bytes(owner, resource))) {
            Object v = value(p, p.nextToken());
            if (!(v instanceof Map<?, ?>)) {
                throw new IllegalStateException(resource + ": not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) v;
            return new DataFile(resource, map);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new IOException("unexpected end of JSON");
        }
        return switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String key = p.currentName();
                    m.put(key, value(p, p.nextToken()));
                }
                yield m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) {
                    l.add(value(p, k));
                }
                yield l;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected JSON token " + t);
        };
    }

    /**
     * The top-level object, which must have exactly the given fields; a field written with a trailing {@code ?}
     * ({@code "userAgent?"}) may be left out.
     */
    public Obj root(String... fields) {
        return new Obj(name, root, fields);
    }

    /** One JSON object with typed, strict accessors. */
    public static final class Obj {
        private final String where;
        private final Map<String, Object> map;

        @SuppressWarnings("unchecked")
        Obj(String where, Map<String, Object> map, String... fields) {
            this.where = where;
            this.map = map;
            Set<String> allowed = new HashSet<>();
            for (String f : fields) {
                boolean optional = f.endsWith("?");
                String name = optional ? f.substring(0, f.length() - 1) : f;
                allowed.add(name);
                if (!optional && (!map.containsKey(name) || map.get(name) == null)) {
                    throw new IllegalStateException(where + ": missing field \"" + name + "\"");
                }
            }
            for (String key : map.keySet()) {
                if (!allowed.contains(key)) {
                    throw new IllegalStateException(where + ": unknown field \"" + key + "\"");
                }
            }
        }

        /** Whether the object has the (optional) field, with a value other than null. */
        public boolean has(String field) {
            return map.get(field) != null;
        }

        private <T> T get(String field, Class<T> type) {
            Object v = map.get(field);
            if (!type.isInstance(v)) {
                throw new IllegalStateException(where + ": field \"" + field + "\" should be "
                        + type.getSimpleName());
            }
            return type.cast(v);
        }

        public String string(String field) {
            return get(field, String.class);
        }

        public long longValue(String field) {
            return get(field, Long.class);
        }

        public int intValue(String field) {
            long v = longValue(field);
            if (v != (int) v) {
                throw new IllegalStateException(where + ": field \"" + field + "\" is out of range");
            }
            return (int) v;
        }

        public double doubleValue(String field) {
            return get(field, Number.class).doubleValue();
        }

        public List<String> strings(String field) {
            List<?> list = get(field, List.class);
            List<String> out = new ArrayList<>(list.size());
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    throw new IllegalStateException(where + ": field \"" + field + "\" should list strings");
                }
                out.add(s);
            }
            return List.copyOf(out);
        }

        public List<Integer> ints(String field) {
            List<?> list = get(field, List.class);
            List<Integer> out = new ArrayList<>(list.size());
            for (Object o : list) {
                if (!(o instanceof Long n) || n != n.intValue()) {
                    throw new IllegalStateException(where + ": field \"" + field + "\" should list integers");
                }
                out.add(n.intValue());
            }
            return List.copyOf(out);
        }

        public boolean bool(String field) {
            return get(field, Boolean.class);
        }

        /** An object of string values under free-form names (HTTP header names, say), in file order. */
        public Map<String, String> stringMap(String field) {
            Map<?, ?> m = get(field, Map.class);
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getValue() instanceof String v)) {
                    throw new IllegalStateException(where + ": field \"" + field + "\" should map names to strings");
                }
                out.put((String) e.getKey(), v);
            }
            return out;
        }

        /** A list of objects, each of which must have exactly the given fields ({@code "name?"} optional). */
        @SuppressWarnings("unchecked")
        public List<Obj> objects(String field, String... fields) {
            List<?> list = get(field, List.class);
            List<Obj> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> m)) {
                    throw new IllegalStateException(where + ": field \"" + field + "\" should list objects");
                }
                out.add(new Obj(where + "/" + field + "[" + i + "]", (Map<String, Object>) m, fields));
            }
            return List.copyOf(out);
        }

        /** A nested object, which must have exactly the given fields ({@code "name?"} for an optional one). */
        @SuppressWarnings("unchecked")
        public Obj object(String field, String... fields) {
            return new Obj(where + "/" + field, get(field, Map.class), fields);
        }
    }
}
