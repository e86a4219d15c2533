package cn.xunjian.console;

import cn.xunjian.console.account.ConsoleStoreException;
import cn.xunjian.console.account.Secrets;
import cn.xunjian.console.account.Session;
import cn.xunjian.console.account.User;
import cn.xunjian.console.review.RecheckRunner;
import cn.xunjian.console.review.RecheckWorker;
import cn.xunjian.internal.HtmlTemplates;
import cn.xunjian.internal.Json;
import cn.xunjian.store.jdbc.StoreException;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console: Javalin on Jetty, at {@code console.listen}. Every request passes one gate first: security
 * headers; API requests need a bearer token; page requests a live session (else the login page), and every POST
 * the session's CSRF token. Which site a user may see is checked again by each route.
 */
public final class Console implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Console.class);
    static final String SESSION_COOKIE = "xj_session";
    static final String LOGIN_COOKIE = "xj_login";
    static final String USER = "xj.user";
    static final String SESSION = "xj.session";
    /** Without a style or script source of its own a page can run nothing but the console's files. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final Javalin app;
    private final RecheckWorker worker;

    private Console(Javalin app, RecheckWorker worker) {
        this.app = app;
        this.worker = worker;
    }

    /**
     * Starts the console and, given a runner, its re-check worker; without one, re-check requests stay queued
     * until a node that has the re-check engine takes them.
     *
     * @param runner the re-check engine, or null
     * @param port 0 picks a free port ({@link #port()})
     */
    public static Console start(ConsoleServices services, RecheckRunner runner, String host, int port,
                                Duration recheckEvery) {
        long maxUpload = services.attachments().rules().maxBytes();
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = 64 * 1024;
            config.jetty.multipartConfig.maxFileSize(maxUpload, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize((int) maxUpload, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(maxUpload + 64 * 1024, io.javalin.config.SizeUnit.BYTES);
        });
        Pages pages = new Pages(services);
        Api api = new Api(services);
        app.before(ctx -> gate(ctx, services));
        pages.routes(app);
        api.routes(app);
        app.exception(Refusal.class, (e, ctx) -> refuse(ctx, e));
        app.exception(ConsoleStoreException.class, (e, ctx) -> unavailable(ctx, e));
        app.exception(StoreException.class, (e, ctx) -> unavailable(ctx, e));
        app.exception(Exception.class, (e, ctx) -> {
            if (isUpload(e)) {
                refuse(ctx, new Refusal(413, "文件过大", "上传的文件超过 " + maxUpload / (1024 * 1024)
                        + " MB 上限，未保存。"));
                return;
            }
            LOG.warn("console request {} {} failed", ctx.method(), ctx.path(), e);
            refuse(ctx, new Refusal(500, "内部错误", "服务器处理请求时出错，请稍后重试；问题已记入日志。"));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                refuse(ctx, Refusal.notFound());
            }
        });
        app.start(host, port);
        RecheckWorker worker = runner == null ? null : new RecheckWorker(services.reviews(), runner);
        if (worker != null) {
            worker.start(recheckEvery);
        }
        LOG.info("console listening on http://{}:{}/", host, app.port());
        return new Console(app, worker);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.close();
        }
        app.stop();
    }

    private static void gate(Context ctx, ConsoleServices s) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        String path = ctx.path();
        if (path.equals("/favicon.ico")) {
            throw Refusal.notFound();
        }
        if (path.startsWith("/static/")) {
            ctx.header("Cache-Control", "private, max-age=3600");
            return;
        }
        if (path.startsWith("/api/")) {
            if (path.equals("/api/v1/openapi.json")) {
                return;
            }
            String auth = Optional.ofNullable(ctx.header("Authorization")).orElse("");
            Optional<User> user = auth.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? s.users().byToken(auth.substring(7).strip()) : Optional.empty();
            if (user.isEmpty()) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw new Refusal(401, "未授权", "缺少或无效的 API 令牌（Authorization: Bearer …）");
            }
            ctx.attribute(USER, user.get());
            return;
        }
        Optional<Session> session = s.sessions().find(ctx.cookie(SESSION_COOKIE));
        session.ifPresent(v -> {
            ctx.attribute(SESSION, v);
            ctx.attribute(USER, v.user());
        });
        boolean post = ctx.method() == HandlerType.POST;
        if (path.equals("/login")) {
            if (post && !Secrets.same(ctx.cookie(LOGIN_COOKIE), ctx.formParam("_csrf"))) {
                s.log().append("", ctx.ip(), "csrf.refused", "POST /login");
                throw new Refusal(403, "请求被拒绝", "登录表单已失效或来源不明，请重新打开登录页。");
            }
            return;
        }
        if (session.isEmpty()) {
            if (post) {
                throw new Refusal(403, "请求被拒绝", "未登录或登录已过期，请重新登录。");
            }
            ctx.redirect("/login");
            ctx.skipRemainingHandlers();
            return;
        }
        if (post && !Secrets.same(session.get().csrf(), ctx.formParam("_csrf"))) {
            s.log().append(session.get().user().name(), ctx.ip(), "csrf.refused", "POST " + path);
            throw new Refusal(403, "请求被拒绝", "表单缺少有效的安全令牌（CSRF），请求已拒绝。请刷新页面后重试。");
        }
    }

    static void refuse(Context ctx, Refusal e) {
        ctx.status(e.status());
        if (ctx.path().startsWith("/api/")) {
            json(ctx, Map.of("error", e.getMessage(), "status", e.status()));
            return;
        }
        ctx.html(HtmlTemplates.render("console/message.jte",
                new Views.MessagePage(Pages.frame(ctx, e.title(), ""), e.title(), e.getMessage())));
    }

    private static void unavailable(Context ctx, RuntimeException e) {
        LOG.warn("console: database unavailable for {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
        ctx.status(503);
        ctx.header("Retry-After", "30");
        if (ctx.path().startsWith("/api/")) {
            json(ctx, Map.of("error", "数据库暂时无法访问，请稍后重试", "status", 503));
            return;
        }
        ctx.html(HtmlTemplates.render("console/message.jte", new Views.MessagePage(
                new Views.Frame("暂时无法访问", null, null, null, false, false, ""), "数据库暂时无法访问",
                "巡检服务仍在运行，但暂时连不上数据库。请稍后刷新本页；若持续出现，请联系管理员检查数据库。")));
    }

    private static boolean isUpload(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("exceeds") || m.contains("max file size") || m.contains("maxRequestSize")
                    || t.getClass().getSimpleName().contains("BadMessage")) {
                return true;
            }
        }
        return false;
    }

    static void json(Context ctx, Object value) {
        try {
            ctx.contentType("application/json; charset=utf-8").result(Json.mapper().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static User user(Context ctx) {
        User u = ctx.attribute(USER);
        if (u == null) {
            throw new Refusal(401, "未登录", "请先登录。");
        }
        return u;
    }
}
