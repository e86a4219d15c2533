package cn.xunjian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    record Point(int x, int y) {
    }

    @Test
    void everyCallerGetsTheSameMapper() {
        assertThat(Json.mapper()).isSameAs(Json.mapper());
    }

    @Test
    void theSharedMapperIsStrictOnInputAndPrettyOnOutput() throws JsonProcessingException {
        assertThatThrownBy(() -> Json.mapper().readValue("{\"x\": 1, \"y\": 2, \"z\": 3}", Point.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> Json.mapper().readValue("{\"x\": 1, \"x\": 2, \"y\": 2}", Point.class))
                .hasMessageContaining("Duplicate field 'x'");
        assertThatThrownBy(() -> Json.mapper().readValue("{\"x\": null, \"y\": 2}", Point.class))
                .isInstanceOf(JsonMappingException.class);
        assertThat(Json.mapper().writeValueAsString(Map.of("a", 1))).isEqualTo("{\n  \"a\" : 1\n}");
    }

    @Test
    void aMapperRebuiltFromTheSharedOneLeavesTheSharedOneAsItWas() {
        ObjectMapper own = Json.rebuild().disable(SerializationFeature.INDENT_OUTPUT)
                .build();
        assertThat(own).isNotSameAs(Json.mapper());
        assertThat(Json.mapper().isEnabled(SerializationFeature.INDENT_OUTPUT)).isTrue();
        assertThat(own.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                .isTrue();
    }
}
