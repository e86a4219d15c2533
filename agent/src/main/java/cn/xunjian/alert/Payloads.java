package cn.xunjian.alert;

import cn.xunjian.internal.Json;
import cn.xunjian.net.HttpRequest;
import cn.xunjian.net.Purpose;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** JSON bodies and POST requests shared by the channels. */
final class Payloads {
    /** Reads robots' answers, which are not ours to be strict about (a repeated key is no reason to fail). */
    static final ObjectReader READER = Json.mapper().reader().without(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** Writes bodies on one line, as robots expect them. */
    private static final ObjectWriter WRITER = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private Payloads() {
    }

    static ObjectNode object() {
        return Json.mapper().createObjectNode();
    }

    /** A JSON POST; its user agent is the {@code alert} purpose's in {@code net/http.json}. */
    static HttpRequest post(String url, ObjectNode body, Duration timeout) {
        try {
            return HttpRequest.post(url, Purpose.ALERT, "application/json; charset=utf-8",
                    WRITER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8)).withTimeout(timeout);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write alert payload", e);
        }
    }

    /** Cuts text to at most {@code maxBytes} of UTF-8 without splitting a character, marking the cut. */
    static String limit(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        String mark = "…（已截断）";
        int budget = maxBytes - mark.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > budget) {
                break;
            }
            out.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return out + mark;
    }
}
