package cn.xunjian.internal;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The project's one Jackson mapper: strict on input (unknown fields, null for a primitive and duplicate keys are
 * errors), pretty and stable on output. It is configured here, once, and shared by every thread; Jackson mappers are
 * thread-safe only as long as nobody reconfigures them, so nothing else may. Code that needs other settings derives
 * its own from {@link #rebuild()}, or an {@code ObjectReader} / {@code ObjectWriter} of the shared mapper made once.
 */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {
    }

    /** The shared mapper. Read and write with it; never change its configuration. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A builder that starts from the shared configuration, for a mapper of one's own with more settings. */
    public static JsonMapper.Builder rebuild() {
        return MAPPER.rebuild();
    }
}
