package cn.xunjian.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** JSON bodies and POST requests shared by the channels. */
final class Payloads {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Payloads() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static HttpRequest post(String url, ObjectNode body, Duration timeout) {
        try {
            return HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Xunjian-alert")
                    .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build();
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
