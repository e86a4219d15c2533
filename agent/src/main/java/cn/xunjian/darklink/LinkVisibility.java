package cn.xunjian.darklink;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.internal.Json;
import cn.xunjian.internal.RuleFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code link-visibility.js} in a rendered page and reads its verdict on every link. */
final class LinkVisibility {
    private static final String SCRIPT = load();

    private final String config;

    public LinkVisibility(HiddenLinkRules rules) {
        try {
            this.config = Json.mapper().writeValueAsString(rules.classifier());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Classifies the links of {@code page}. The script tags each element with {@code data-xj-link}, which the
     * returned selectors refer to.
     *
     * @throws UnsupportedOperationException when the page runs no scripts
     */
    public List<ClassifiedLink> classify(AuditPage page) {
        String json = page.evaluateJson("() => (" + SCRIPT + ")(" + config + ")");
        try {
            JsonNode root = Json.mapper().readTree(json);
            List<ClassifiedLink> links = new ArrayList<>();
            for (JsonNode n : root) {
                Map<String, String> style = new LinkedHashMap<>();
                n.path("style").fields().forEachRemaining(e -> style.put(e.getKey(), e.getValue().asText()));
                links.add(new ClassifiedLink(n.path("id").asInt(), n.path("tag").asText(), n.path("href").asText(),
                        n.path("text").asText(), n.path("title").asText(), n.path("outerHTML").asText(),
                        n.path("selector").asText(), n.path("hidden").asBoolean(), strings(n.path("reasons")),
                        strings(n.path("ancestors")), style, n.path("frame").asText()));
            }
            return links;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("link-visibility.js returned no JSON array: " + json, e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String load() {
        return RuleFiles.text(LinkVisibility.class, "link-visibility.js").strip();
    }
}
