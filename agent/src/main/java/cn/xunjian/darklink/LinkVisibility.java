package cn.xunjian.darklink;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.internal.Json;
import cn.xunjian.internal.RuleFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code link-visibility.js} in a rendered page and reads its verdict on every link. */
final class LinkVisibility {
    private static final String SCRIPT = load();

    private final String config;

    LinkVisibility(HiddenLinkRules rules, BenignUi benign) {
        Map<String, Object> cfg = new LinkedHashMap<>(rules.classifier());
        cfg.put("ui", benign.scriptSettings());
        try {
            this.config = Json.mapper().writeValueAsString(cfg);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Classifies the links of {@code page}. The script tags each element with {@code data-xj-link}, which the
     * returned selectors refer to, and each element that hides links with {@code data-xj-hider}.
     *
     * @throws UnsupportedOperationException when the page runs no scripts
     */
    List<ClassifiedLink> classify(AuditPage page) {
        String json = page.evaluateJson("() => (" + SCRIPT + ")(" + config + ")");
        try {
            JsonNode root = Json.mapper().readTree(json);
            List<ClassifiedLink> links = new ArrayList<>();
            for (JsonNode n : root) {
                Map<String, String> style = new LinkedHashMap<>();
                n.path("style").fields().forEachRemaining(e -> style.put(e.getKey(), e.getValue().asText()));
                JsonNode h = n.path("hider");
                ClassifiedLink.Hider hider = h.isObject() ? new ClassifiedLink.Hider(h.path("id").asInt(),
                        h.path("element").asText(), h.path("text").asText(), strings(h.path("revealed"))) : null;
                links.add(new ClassifiedLink(n.path("id").asInt(), n.path("tag").asText(), n.path("href").asText(),
                        n.path("text").asText(), n.path("title").asText(), n.path("outerHTML").asText(),
                        n.path("selector").asText(), n.path("hidden").asBoolean(), strings(n.path("reasons")),
                        strings(n.path("ancestors")), style, n.path("frame").asText(), n.path("media").asBoolean(),
                        hider));
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
