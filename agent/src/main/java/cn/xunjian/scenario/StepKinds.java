package cn.xunjian.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The kinds of step, read off the sealed {@link Step} hierarchy: each permitted record, the name a file gives it in
 * {@code "action"} and the fields it takes. Nothing else lists them.
 */
final class StepKinds {
    /** The fields every step may have besides its own. */
    static final String ACTION = "action";
    static final String NOTE = "note";

    private static final Map<String, Class<?>> BY_NAME = new TreeMap<>();

    static {
        for (Class<?> kind : Step.class.getPermittedSubclasses()) {
            BY_NAME.put(name(kind), kind);
        }
    }

    private StepKinds() {
    }

    /** The names, sorted. */
    static Set<String> names() {
        return Collections.unmodifiableSet(BY_NAME.keySet());
    }

    static boolean isStep(Class<?> type) {
        return type != null && Step.class.isAssignableFrom(type);
    }

    static boolean known(String name) {
        return BY_NAME.containsKey(name);
    }

    static String name(Class<?> kind) {
        return kind.getAnnotation(JsonTypeName.class).value();
    }

    /** The fields a step of {@code kind} may have in a file, sorted: its record components and the common ones. */
    static SortedSet<String> fields(Class<?> kind) {
        SortedSet<String> fields = new TreeSet<>(Set.of(ACTION, NOTE));
        for (RecordComponent c : kind.getRecordComponents()) {
            Method accessor = c.getAccessor();
            if (accessor.isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            JsonProperty renamed = accessor.getAnnotation(JsonProperty.class);
            fields.add(renamed != null ? renamed.value() : c.getName());
        }
        return fields;
    }
}
