package cn.xunjian.console;

import cn.xunjian.console.account.User;
import cn.xunjian.console.review.Review;
import cn.xunjian.console.review.ReviewException;
import cn.xunjian.console.review.ReviewStatus;
import cn.xunjian.internal.Json;
import cn.xunjian.internal.RuleFiles;
import cn.xunjian.model.Finding;
import cn.xunjian.store.jdbc.StoredFinding;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1}: bearer-token access for 报送系统 integrations and scripts, documented in {@code openapi.json}. The
 * token's user sees exactly the sites the pages would show them; a site or finding outside that is 404.
 */
final class Api {
    private final ConsoleServices s;
    private final Pages pages;

    Api(ConsoleServices services) {
        this.s = services;
        this.pages = new Pages(services);
    }

    void routes(Javalin app) {
        app.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json; charset=utf-8")
                .result(RuleFiles.bytes(Api.class, "openapi.json")));
        app.get("/api/v1/sites", this::sites);
        app.get("/api/v1/sites/{siteCode}/findings", this::findings);
        app.post("/api/v1/findings/{id}/review", this::review);
    }

    private void sites(Context ctx) {
        User u = Console.user(ctx);
        List<Map<String, Object>> out = new ArrayList<>();
        for (ConsoleSite c : pages.visible(u)) {
            SiteState st = SiteState.of(s, c);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("siteCode", c.siteCode());
            m.put("name", c.name());
            m.put("url", c.url());
            m.put("origin", c.scheduled().origin().name().toLowerCase(java.util.Locale.ROOT));
            m.put("verdict", st.run().isPresent() ? st.judgement().verdict().label() : null);
            m.put("score", st.run().isPresent() ? st.judgement().score() : null);
            m.put("runId", st.run().map(r -> r.id()).orElse(null));
            m.put("auditedAt", st.run().map(r -> r.started().toString()).orElse(null));
            out.add(m);
        }
        Console.json(ctx, Map.of("sites", out));
    }

    private void findings(Context ctx) {
        User u = Console.user(ctx);
        String code = ctx.pathParam("siteCode");
        ConsoleSite c = s.sites().values().stream().filter(x -> code.equals(x.siteCode())).findFirst()
                .orElseThrow(Refusal::notFound);
        if (!u.maySee(c.siteCode())) {
            throw Refusal.notFound();
        }
        SiteState st = SiteState.of(s, c);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Finding f : st.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.id());
            m.put("indicator", f.indicator());
            m.put("kind", f.kind());
            m.put("severity", f.severity().json());
            m.put("url", f.url());
            m.put("message", f.message());
            m.put("counted", st.counts(f));
            m.put("review", review(st.review(f)));
            out.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("siteCode", c.siteCode());
        body.put("runId", st.run().map(r -> r.id()).orElse(null));
        body.put("verdict", st.run().isPresent() ? st.judgement().verdict().label() : null);
        body.put("score", st.run().isPresent() ? st.judgement().score() : null);
        body.put("findings", out);
        Console.json(ctx, body);
    }

    private void review(Context ctx) {
        User u = Console.user(ctx);
        StoredFinding sf = pages.visibleFinding(u, ctx.pathParam("id"));
        JsonNode body;
        try {
            body = Json.mapper().readTree(ctx.body());
        } catch (IOException e) {
            throw new Refusal(400, "请求有误", "请求体不是有效的 JSON");
        }
        if (body == null || !body.isObject()) {
            throw new Refusal(400, "请求有误", "请求体应为 JSON 对象 {\"status\": …, \"reason\": …}");
        }
        String statusText = body.path("status").asText(null);
        Optional<ReviewStatus> status = ReviewStatus.of(statusText);
        if (status.isEmpty()) {
            throw new Refusal(400, "请求有误", "status 取值应为 pending、confirmed、dismissed、fixed、verified 或 disputed");
        }
        if (!Pages.allowed(u).contains(status.get())) {
            throw new Refusal(403, "无权操作", u.role().label() + "不能把问题设为“" + status.get().label() + "”");
        }
        try {
            Review r = Reviewing.apply(s, u, ctx.ip(), sf, status.get(), body.path("reason").asText(""));
            Console.json(ctx, Map.of("id", r.findingId(), "review", review(r)));
        } catch (ReviewException e) {
            ctx.status(422);
            Console.json(ctx, Map.of("error", e.getMessage(), "field", e.field(), "status", 422));
        }
    }

    private static Map<String, Object> review(Review r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status().json());
        m.put("label", r.status().label());
        m.put("by", r.actor().isEmpty() ? null : r.actor());
        m.put("at", r.at() == null ? null : r.at().toString());
        m.put("reason", r.reason().isEmpty() ? null : r.reason());
        return m;
    }
}
