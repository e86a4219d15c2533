package cn.xunjian.console;

import cn.xunjian.internal.Json;
import cn.xunjian.site.SiteFile;
import cn.xunjian.site.SiteFileException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The console's site form: its fields, the site-file JSON text they make (validated afterwards by the same loader as
 * site files) and which field of the form a site-file problem belongs to. What the form has no field for (webviews,
 * newMedia, scenarios…) is written as JSON in {@code extra}.
 */
public record SiteForm(String name, String url, String siteCode, String kind, String consultationUrl,
                boolean consultationSubmit, String maxPages, String userAgent, String extra) {
    /** The site-file keys the form has fields for; {@code extra} must not repeat them. */
    static final Set<String> OWN = Set.of("name", "url", "siteCode", "kind", "consultation", "maxPages", "userAgent");

    /** A problem of the form, for one field (the form shows it next to that field). */
    static final class Invalid extends RuntimeException {
        private final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    static SiteForm empty() {
        return new SiteForm("", "", "", "portal", "", false, "", "", "");
    }

    static SiteForm read(Function<String, String> param) {
        Function<String, String> p = k -> {
            String v = param.apply(k);
            return v == null ? "" : v.strip();
        };
        return new SiteForm(p.apply("name"), p.apply("url"), p.apply("siteCode"), p.apply("kind"),
                p.apply("consultationUrl"), "true".equals(p.apply("consultationSubmit")), p.apply("maxPages"),
                p.apply("userAgent"), p.apply("extra"));
    }

    /** The form of a site as it stands (editing it). */
    static SiteForm of(SiteFile site) {
        ObjectNode all = Json.mapper().valueToTree(site);
        ObjectNode rest = Json.mapper().createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            boolean empty = e.getValue().isArray() && e.getValue().isEmpty();
            if (!OWN.contains(e.getKey()) && !empty && !e.getValue().isNull()) {
                rest.set(e.getKey(), e.getValue());
            }
        }
        String extra;
        try {
            extra = rest.isEmpty() ? "" : Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(rest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a site's JSON", e);
        }
        SiteFile.Consultation c = site.consultation();
        return new SiteForm(site.name(), site.url(), site.siteCode() == null ? "" : site.siteCode(), site.kind(),
                c == null || c.url() == null ? "" : c.url(), c != null && c.submit(),
                site.maxPages() == null ? "" : String.valueOf(site.maxPages()),
                site.userAgent() == null ? "" : site.userAgent(), extra);
    }

    /**
     * The site-file JSON text of the form: the fields left empty are left out, so the site file's own rules (and
     * messages) apply to what is missing; a number field that is not a number goes in as text for the loader to
     * refuse.
     *
     * @throws Invalid when {@code extra} is not a JSON object or repeats a field of the form
     */
    String json() {
        ObjectNode root = Json.mapper().createObjectNode();
        if (!name.isEmpty()) {
            root.put("name", name);
        }
        if (!url.isEmpty()) {
            root.put("url", url);
        }
        if (!siteCode.isEmpty()) {
            root.put("siteCode", siteCode);
        }
        if (!kind.isEmpty()) {
            root.put("kind", kind);
        }
        if (!consultationUrl.isEmpty() || consultationSubmit) {
            ObjectNode c = root.putObject("consultation");
            if (!consultationUrl.isEmpty()) {
                c.put("url", consultationUrl);
            }
            c.put("submit", consultationSubmit);
        }
        if (!maxPages.isEmpty()) {
            if (maxPages.matches("-?[0-9]{1,18}")) {
                root.put("maxPages", Long.parseLong(maxPages));
            } else {
                root.put("maxPages", maxPages);
            }
        }
        if (!userAgent.isEmpty()) {
            root.put("userAgent", userAgent);
        }
        if (!extra.isEmpty()) {
            JsonNode more;
            try {
                more = Json.mapper().readTree(extra);
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                throw new Invalid("extra", "第 " + line + " 行 JSON 格式错误：" + e.getOriginalMessage());
            }
            if (more == null || !more.isObject()) {
                throw new Invalid("extra", "应为一个 JSON 对象，例如 {\"webviews\": [ … ]}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = more.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (OWN.contains(e.getKey())) {
                    throw new Invalid("extra", "字段 \"" + e.getKey() + "\" 请填写在上面的表单中，不要写在这里");
                }
                root.set(e.getKey(), e.getValue());
            }
        }
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a site's JSON", e);
        }
    }

    /** The form field a site-file problem is about, and the message to show there. */
    static Invalid problem(SiteFileException e) {
        String f = e.field();
        String field = switch (f) {
            case "name", "url", "siteCode", "kind", "maxPages", "userAgent" -> f;
            case "consultation", "consultation.url", "consultation.submit" -> "consultationUrl";
            default -> "extra";
        };
        return new Invalid(field, field.equals("extra") ? "字段 \"" + f + "\"：" + e.problem() : e.problem());
    }
}
