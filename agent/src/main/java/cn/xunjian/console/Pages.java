package cn.xunjian.console;

import cn.xunjian.console.account.LoginResult;
import cn.xunjian.console.account.Role;
import cn.xunjian.console.account.Secrets;
import cn.xunjian.console.account.Session;
import cn.xunjian.console.account.User;
import cn.xunjian.console.review.Attachment;
import cn.xunjian.console.review.Recheck;
import cn.xunjian.console.review.Review;
import cn.xunjian.console.review.ReviewException;
import cn.xunjian.console.review.ReviewStatus;
import cn.xunjian.evidence.ManifestEntry;
import cn.xunjian.evidence.ManifestVerifier;
import cn.xunjian.history.AvailabilityWeek;
import cn.xunjian.history.FindingChange;
import cn.xunjian.history.FindingDiff;
import cn.xunjian.history.WeeklyAvailability;
import cn.xunjian.internal.HtmlTemplates;
import cn.xunjian.internal.RuleFiles;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.report.Circular;
import cn.xunjian.report.CircularTemplate;
import cn.xunjian.report.CircularWriter;
import cn.xunjian.report.FindingsCsvWriter;
import cn.xunjian.report.Report;
import cn.xunjian.report.ReportHtmlWriter;
import cn.xunjian.report.ReportJsonWriter;
import cn.xunjian.report.SiteReport;
import cn.xunjian.report.Summary;
import cn.xunjian.schedule.ScheduledSite;
import cn.xunjian.site.SiteFileException;
import cn.xunjian.store.jdbc.StoredFinding;
import cn.xunjian.store.jdbc.StoredRun;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The console's pages: server-rendered with JTE, every route checking the user's role and sites itself. */
final class Pages {
    private static final Logger LOG = LoggerFactory.getLogger(Pages.class);
    /** The site file's {@code kind} values, as the form offers them. */
    private static final List<Views.StatusOption> KINDS = List.of(new Views.StatusOption("portal", "政府门户网站"),
            new Views.StatusOption("department", "部门网站"), new Views.StatusOption("township", "乡镇（街道）网站"),
            new Views.StatusOption("special", "专项网站"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ShanghaiTime.ZONE);
    private static final Map<String, String> STATIC = Map.of(
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "htmx.min.js", "text/javascript; charset=utf-8",
            "favicon.svg", "image/svg+xml");
    private static final String HTMX = "/META-INF/resources/webjars/htmx.org/2.0.4/dist/htmx.min.js";

    private final ConsoleServices s;

    Pages(ConsoleServices services) {
        this.s = services;
    }

    void routes(Javalin app) {
        app.get("/static/{name}", this::staticFile);
        app.get("/login", this::loginForm);
        app.post("/login", this::login);
        app.post("/logout", this::logout);
        app.get("/", this::dashboard);
        app.get("/sites", this::sites);
        app.get("/sites/new", this::newSiteForm);
        app.post("/sites/new", this::addSite);
        app.get("/sites/{ref}", this::site);
        app.get("/sites/{ref}/edit", this::editSiteForm);
        app.post("/sites/{ref}/edit", this::editSite);
        app.post("/sites/{ref}/run", this::runNow);
        app.get("/findings/{id}", this::finding);
        app.post("/findings/{id}/review", this::review);
        app.post("/findings/{id}/attachments", this::upload);
        app.get("/attachments/{id}", this::attachment);
        app.get("/runs", this::runs);
        app.get("/runs/{runId}/files/<path>", this::evidenceFile);
        app.get("/circular", this::circular);
        app.get("/circular/{file}", this::circularFile);
        app.get("/audit-log", this::auditLog);
    }

    static Views.Frame frame(Context ctx, String title, String active) {
        Session session = ctx.attribute(Console.SESSION);
        if (session == null) {
            return new Views.Frame(title, null, null, null, false, false, active);
        }
        User u = session.user();
        return new Views.Frame(title, u.name(), u.role().label(), session.csrf(), u.isStaff(), u.role() == Role.ADMIN,
                active);
    }

    private void render(Context ctx, String template, Object page) {
        ctx.html(HtmlTemplates.render("console/" + template, page));
    }

    private void staticFile(Context ctx) {
        String name = ctx.pathParam("name");
        String type = STATIC.get(name);
        if (type == null) {
            throw Refusal.notFound();
        }
        byte[] bytes = name.equals("htmx.min.js") ? RuleFiles.bytes(Pages.class, HTMX)
                : RuleFiles.bytes(Pages.class, "static/" + name);
        ctx.contentType(type).result(bytes);
    }

    // ---- login

    private void loginForm(Context ctx) {
        showLogin(ctx, "", null);
    }

    private void showLogin(Context ctx, String name, String error) {
        // one token per browser: a second GET of the login page (another tab, a redirected favicon request) must
        // not invalidate the form already shown
        String known = ctx.cookie(Console.LOGIN_COOKIE);
        String token = known != null && known.matches("[A-Za-z0-9_-]{43}") ? known : Secrets.newToken();
        ctx.res().addHeader("Set-Cookie", Console.LOGIN_COOKIE + "=" + token + "; Path=/login; HttpOnly; SameSite=Strict"
                + secure(ctx));
        Views.Frame f = new Views.Frame("登录", null, null, token, false, false, "");
        render(ctx, "login.jte", new Views.LoginPage(f, name, error));
    }

    private void login(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String ip = ctx.ip();
        Optional<Instant> blocked = s.throttle().blockedUntil(ip);
        if (blocked.isPresent()) {
            s.log().append(name, ip, "login.throttled", "本地址失败次数过多");
            ctx.status(429);
            showLogin(ctx, name, "登录失败次数过多，请 " + minutes(blocked.get()) + " 分钟后再试。");
            return;
        }
        LoginResult result = s.users().login(name, password);
        if (result instanceof LoginResult.Accepted a) {
            Session session = s.sessions().open(a.user());
            long maxAge = Duration.between(s.clock().instant(), session.expires()).toSeconds();
            ctx.res().addHeader("Set-Cookie", Console.SESSION_COOKIE + "=" + session.id() + "; Path=/; Max-Age="
                    + maxAge + "; HttpOnly; SameSite=Strict" + secure(ctx));
            s.log().append(a.user().name(), ip, "login", "登录成功");
            ctx.redirect("/");
        } else if (result instanceof LoginResult.Locked l) {
            s.throttle().failed(ip);
            s.log().append(name, ip, "login.locked", "账号已锁定");
            ctx.status(429);
            showLogin(ctx, name, "密码错误次数过多，账号已锁定，请 " + minutes(l.until()) + " 分钟后再试。");
        } else {
            s.throttle().failed(ip);
            s.log().append(name, ip, "login.failed", "用户名或密码错误");
            ctx.status(401);
            showLogin(ctx, name, "用户名或密码错误。");
        }
    }

    private long minutes(Instant until) {
        return Math.max(1, (Duration.between(s.clock().instant(), until).toSeconds() + 59) / 60);
    }

    private static String secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) ? "; Secure" : "";
    }

    private void logout(Context ctx) {
        Session session = ctx.attribute(Console.SESSION);
        s.sessions().close(session.id());
        s.log().append(session.user().name(), ctx.ip(), "logout", "退出登录");
        ctx.res().addHeader("Set-Cookie", Console.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        ctx.redirect("/login");
    }

    // ---- sites

    List<ConsoleSite> visible(User u) {
        return s.sites().values().stream().filter(c -> u.maySee(c.siteCode())).toList();
    }

    ConsoleSite site(User u, String ref) {
        ConsoleSite c = s.sites().get(ref);
        if (c == null || !u.maySee(c.siteCode())) {
            throw Refusal.notFound();
        }
        return c;
    }

    Views.SiteRow row(SiteState st) {
        String verdict = st.run().isEmpty() ? "尚未巡检" : st.judgement().verdict().label();
        String score = st.run().isEmpty() ? "—" : st.judgement().score() == null ? "否决"
                : String.valueOf(st.judgement().score());
        return new Views.SiteRow(st.site().ref(), st.site().name(), st.site().url(), st.site().siteCode(), verdict,
                st.run().isPresent() && st.judgement().verdict().passed(), score,
                st.run().map(r -> TIME.format(r.started())).orElse("—"), (int) st.open(), (int) st.dismissed(),
                (int) st.pending(), st.site().origin());
    }

    private void dashboard(Context ctx) {
        User u = Console.user(ctx);
        List<Views.SiteRow> failing = new ArrayList<>();
        List<Views.VetoRow> vetoes = new ArrayList<>();
        List<Views.AvailabilityRow> availability = new ArrayList<>();
        int checked = 0;
        int passed = 0;
        Instant now = s.clock().instant();
        for (ConsoleSite c : visible(u)) {
            SiteState st = SiteState.of(s, c);
            if (st.run().isPresent()) {
                checked++;
                if (st.judgement().verdict().passed()) {
                    passed++;
                } else {
                    failing.add(row(st));
                }
                for (Finding f : st.findings()) {
                    if (f.severity() == Severity.VETO && st.counts(f) && f.id() != null) {
                        vetoes.add(new Views.VetoRow(c.ref(), c.name(), f.id(), f.message()));
                    }
                }
            }
            AvailabilityWeek week = WeeklyAvailability.judge(s.results().probes(c.url(), now.minus(Duration.ofDays(8)),
                    now), s.clock(), s.catalogue());
            availability.add(new Views.AvailabilityRow(c.ref(), c.name(), week.sentence(), switch (week.verdict()) {
                case OK -> "正常";
                case VETO -> "单项否决";
                case INSUFFICIENT -> "探测不足";
            }));
        }
        render(ctx, "dashboard.jte", new Views.DashboardPage(frame(ctx, "仪表盘", "dashboard"), checked, passed,
                Summary.of(checked, passed).percent(), failing, vetoes, availability));
    }

    private void sites(Context ctx) {
        User u = Console.user(ctx);
        render(ctx, "sites.jte", new Views.SitesPage(frame(ctx, "网站", "sites"),
                visible(u).stream().map(c -> row(SiteState.of(s, c))).toList(), u.role() == Role.ADMIN));
    }

    private void site(Context ctx) {
        showSite(ctx, site(Console.user(ctx), ctx.pathParam("ref")), ctx.queryParam("notice"));
    }

    private void showSite(Context ctx, ConsoleSite c, String notice) {
        User u = Console.user(ctx);
        SiteState st = SiteState.of(s, c);
        Map<String, List<Views.Item>> groups = new LinkedHashMap<>();
        for (Finding f : st.findings()) {
            groups.computeIfAbsent(f.indicator(), k -> new ArrayList<>()).add(item(st, f));
        }
        List<Views.Group> out = new ArrayList<>();
        groups.forEach((id, items) -> out.add(new Views.Group(id, indicatorName(id), items)));
        String message = switch (notice == null ? "" : notice) {
            case "queued" -> "已安排立即巡检，完成后刷新本页查看结果。";
            case "saved" -> "网站已保存，探测与巡检任务已按新的设置安排。";
            case "unscheduled" -> "网站已保存，但探测与巡检任务未能安排（详见服务日志）；重启 serve 后会重新安排。";
            default -> null;
        };
        render(ctx, "site.jte", new Views.SitePage(frame(ctx, c.name(), "sites"), row(st), u.isStaff(),
                u.role() == Role.ADMIN, st.run().map(StoredRun::id).orElse(null), out, message));
    }

    // ---- adding and editing sites (管理员)

    /** The user, if an administrator; anyone else is refused, and the refusal is logged. */
    private User admin(Context ctx) {
        User u = Console.user(ctx);
        if (u.role() != Role.ADMIN) {
            s.log().append(u.name(), ctx.ip(), "site.forbidden", ctx.method() + " " + ctx.path());
            throw Refusal.forbidden();
        }
        return u;
    }

    private void newSiteForm(Context ctx) {
        admin(ctx);
        showSiteForm(ctx, null, SiteForm.empty(), null);
    }

    private void editSiteForm(Context ctx) {
        User u = admin(ctx);
        ConsoleSite c = site(u, ctx.pathParam("ref"));
        showSiteForm(ctx, c, SiteForm.of(c.scheduled().site()), null);
    }

    private void addSite(Context ctx) {
        saveSite(ctx, admin(ctx), null);
    }

    private void editSite(Context ctx) {
        User u = admin(ctx);
        saveSite(ctx, u, site(u, ctx.pathParam("ref")));
    }

    /** Validates the form as a site file, stores it, and has the daemon schedule it; an invalid form stores nothing. */
    private void saveSite(Context ctx, User u, ConsoleSite existing) {
        SiteForm form = SiteForm.read(ctx::formParam);
        String name = "控制台网站“" + (form.name().isEmpty() ? "（未命名）" : form.name()) + "”";
        ScheduledSite saved;
        String json;
        try {
            json = form.json();
            saved = s.registry().save(existing == null ? null : existing.scheduled().key(), json, name, u.name(),
                    ctx.ip(), s.clock().instant());
        } catch (SiteForm.Invalid e) {
            showSiteForm(ctx, existing, form, e);
            return;
        } catch (SiteFileException e) {
            showSiteForm(ctx, existing, form, SiteForm.problem(e));
            return;
        }
        s.log().append(u.name(), ctx.ip(), existing == null ? "site.add" : "site.edit", saved.site().name() + " "
                + saved.site().url() + "（" + saved.origin().label() + "，任务 " + saved.key() + "）："
                + json.replaceAll("\\s*\\n\\s*", " "));
        String notice = "saved";
        try {
            s.jobs().install(saved);
        } catch (Exception e) {
            LOG.warn("jobs of the site {} saved in the console could not be installed", saved.site().url(), e);
            notice = "unscheduled";
        }
        ctx.redirect("/sites/" + ConsoleSite.of(saved).ref() + "?notice=" + notice);
    }

    private void showSiteForm(Context ctx, ConsoleSite existing, SiteForm form, SiteForm.Invalid error) {
        if (error != null) {
            ctx.status(422);
        }
        String changed = existing == null ? null : s.registry().stored(existing.scheduled().key())
                .map(r -> "由 " + r.createdBy() + " 于 " + TIME.format(r.createdAt()) + " 在控制台"
                        + (r.sourceFile() == null ? "添加" : "修改") + "；最近一次由 " + r.updatedBy() + " 于 "
                        + TIME.format(r.updatedAt()) + " 保存。").orElse(null);
        String heading = existing == null ? "新增网站" : "修改网站：" + existing.name();
        render(ctx, "siteform.jte", new Views.SiteFormPage(frame(ctx, heading, "sites"), heading,
                existing == null ? "/sites/new" : "/sites/" + existing.ref() + "/edit",
                existing == null ? "/sites" : "/sites/" + existing.ref(), form, KINDS,
                error == null ? null : error.field(), error == null ? null : error.getMessage(),
                existing == null ? "控制台" : existing.origin(), changed));
    }

    private String indicatorName(String id) {
        return s.catalogue().knows(id) ? s.catalogue().indicator(id).name() : "";
    }

    private static Views.Item item(SiteState st, Finding f) {
        Review r = st.review(f);
        return new Views.Item(f.id() == null ? "" : f.id(), f.severity().json(), f.severity().label(), f.message(),
                f.url(), f.kind(), r.status().json(), r.status().label(), st.counts(f));
    }

    private void runNow(Context ctx) {
        User u = Console.user(ctx);
        ConsoleSite c = site(u, ctx.pathParam("ref"));
        if (!u.isStaff()) {
            throw Refusal.forbidden();
        }
        try {
            s.audits().auditNow(c.scheduled().key());
        } catch (Exception e) {
            throw new Refusal(503, "无法立即巡检", "巡检任务未能启动：" + e.getMessage());
        }
        s.log().append(u.name(), ctx.ip(), "audit.now", c.name() + " " + c.url());
        ctx.redirect("/sites/" + c.ref() + "?notice=queued");
    }

    // ---- findings

    /** The finding with its site, if the user may see it; otherwise 404, as for an id that does not exist. */
    StoredFinding visibleFinding(User u, String id) {
        StoredFinding sf = s.results().latestFinding(id).orElseThrow(Refusal::notFound);
        ConsoleSite c = siteOf(sf.run()).orElseThrow(Refusal::notFound);
        if (!u.maySee(c.siteCode())) {
            throw Refusal.notFound();
        }
        return sf;
    }

    Optional<ConsoleSite> siteOf(StoredRun run) {
        return s.sites().values().stream().filter(c -> c.url().equals(run.siteUrl())).findFirst();
    }

    private void finding(Context ctx) {
        showFinding(ctx, ctx.pathParam("id"), null, null, ctx.queryParam("notice"));
    }

    private void showFinding(Context ctx, String id, ReviewException error, String unused, String notice) {
        User u = Console.user(ctx);
        StoredFinding sf = visibleFinding(u, id);
        ConsoleSite c = siteOf(sf.run()).orElseThrow(Refusal::notFound);
        SiteState st = SiteState.of(s, c);
        Finding f = sf.finding();
        Path runDir = sf.run().runDir();
        String manifestState;
        Set<String> changed = Set.of();
        Set<String> missing = Set.of();
        boolean verified = false;
        try {
            ManifestVerifier.Result v = new ManifestVerifier().verify(runDir);
            changed = Set.copyOf(v.changed());
            missing = Set.copyOf(v.missing());
            verified = true;
            manifestState = v.intact() ? "本次巡检的 " + v.checked() + " 个证据与报告文件经 verify 校验完好。"
                    : "verify 校验未通过：" + v.changed().size() + " 个文件被改动，" + v.missing().size() + " 个缺失。";
        } catch (IOException e) {
            manifestState = "无法读取本次巡检的 manifest.json，证据无法校验。";
        }
        List<Views.EvidenceRow> evidence = new ArrayList<>();
        for (Evidence e : f.evidence()) {
            String state = !verified ? "无法校验" : missing.contains(e.path()) ? "缺失"
                    : changed.contains(e.path()) ? "已被改动" : "完好";
            evidence.add(new Views.EvidenceRow(e.type(), e.path(), "/runs/" + sf.run().id() + "/files/" + e.path(),
                    e.sha256(), state, isImage(e.path())));
        }
        List<Views.HistoryRow> history = s.reviews().history(id).stream().map(r -> new Views.HistoryRow(
                TIME.format(r.at()), r.actor(), r.status().label(), r.reason())).toList();
        List<Views.RecheckRow> rechecks = s.reviews().rechecks(id).stream().map(Pages::recheckRow).toList();
        List<Views.AttachmentRow> attachments = s.attachments().list(id).stream().map(a -> new Views.AttachmentRow(
                a.id(), a.fileName(), size(a.size()), a.userName(), TIME.format(a.at()))).toList();
        List<Views.StatusOption> options = allowed(u).stream()
                .map(r -> new Views.StatusOption(r.json(), r.label())).toList();
        String message = switch (notice == null ? "" : notice) {
            case "reviewed" -> "已记录新的状态。";
            case "uploaded" -> "附件已上传。";
            default -> null;
        };
        if (error != null) {
            ctx.status(422);
        }
        render(ctx, "finding.jte", new Views.FindingPage(frame(ctx, f.message(), "sites"), row(st), item(st, f),
                sf.run().id(), evidence, HijackCaptures.of(evidence, runDir), manifestState, history, rechecks, attachments, options,
                error == null ? null : error.getMessage(), error == null ? null : error.field(),
                s.attachments().rules().extensions(), size(s.attachments().rules().maxBytes()), message));
    }

    private static Views.RecheckRow recheckRow(Recheck r) {
        String status = switch (r.status()) {
            case "queued" -> "排队中";
            case "running" -> "复验中";
            default -> "已完成";
        };
        String outcome = r.outcome() == null ? null : switch (r.outcome()) {
            case PRESENT -> "问题仍存在";
            case GONE -> "问题已消除";
            case UNDETERMINED -> "未能得出结论";
        };
        return new Views.RecheckRow(TIME.format(r.requestedAt()), r.requestedBy(), status, outcome,
                r.finishedAt() == null ? "" : TIME.format(r.finishedAt()), r.detail(), r.evidence());
    }

    /** What each role may set: operators answer (已整改, 申辩); staff review everything. */
    static List<ReviewStatus> allowed(User u) {
        return u.isStaff() ? List.of(ReviewStatus.CONFIRMED, ReviewStatus.DISMISSED, ReviewStatus.FIXED,
                ReviewStatus.VERIFIED, ReviewStatus.DISPUTED, ReviewStatus.PENDING)
                : List.of(ReviewStatus.FIXED, ReviewStatus.DISPUTED);
    }

    private void review(Context ctx) {
        User u = Console.user(ctx);
        String id = ctx.pathParam("id");
        StoredFinding sf = visibleFinding(u, id);
        Optional<ReviewStatus> status = ReviewStatus.of(ctx.formParam("status"));
        if (status.isEmpty()) {
            showFinding(ctx, id, new ReviewException("status", "请选择有效的状态"), null, null);
            return;
        }
        if (!allowed(u).contains(status.get())) {
            throw Refusal.forbidden();
        }
        try {
            Review r = Reviewing.apply(s, u, ctx.ip(), sf, status.get(), ctx.formParam("reason"));
            ctx.redirect("/findings/" + r.findingId() + "?notice=reviewed");
        } catch (ReviewException e) {
            showFinding(ctx, id, e, null, null);
        }
    }

    private void upload(Context ctx) throws IOException {
        User u = Console.user(ctx);
        String id = ctx.pathParam("id");
        visibleFinding(u, id);
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            showFinding(ctx, id, new ReviewException("file", "请选择要上传的文件"), null, null);
            return;
        }
        byte[] content;
        try (InputStream in = file.content()) {
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, s.attachments().rules().maxBytes() + 1));
        }
        try {
            Attachment a = s.attachments().store(id, u.name(), file.filename(), content);
            s.log().append(u.name(), ctx.ip(), "attachment.upload", id + " " + a.fileName() + " " + a.sha256());
            ctx.redirect("/findings/" + id + "?notice=uploaded");
        } catch (ReviewException e) {
            s.log().append(u.name(), ctx.ip(), "attachment.refused", id + " " + file.filename() + "：" + e.getMessage());
            showFinding(ctx, id, e, null, null);
        }
    }

    private void attachment(Context ctx) throws IOException {
        User u = Console.user(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Refusal.notFound();
        }
        Attachment a = s.attachments().find(id).orElseThrow(Refusal::notFound);
        visibleFinding(u, a.findingId());
        ctx.header("Content-Disposition", "attachment; filename*=UTF-8''"
                + java.net.URLEncoder.encode(a.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.contentType(a.contentType()).result(Files.readAllBytes(s.attachments().file(a)));
    }

    // ---- evidence

    private void evidenceFile(Context ctx) throws IOException {
        User u = Console.user(ctx);
        StoredRun run = s.results().run(ctx.pathParam("runId")).orElseThrow(Refusal::notFound);
        ConsoleSite c = siteOf(run).orElseThrow(Refusal::notFound);
        if (!u.maySee(c.siteCode())) {
            throw Refusal.notFound();
        }
        String path = ctx.pathParam("path");
        boolean recorded = s.results().evidence(run.id()).stream().map(ManifestEntry::path).anyMatch(path::equals);
        Path file = run.runDir().resolve(path).normalize();
        if (!recorded || !file.startsWith(run.runDir().normalize()) || !Files.isRegularFile(file)) {
            throw Refusal.notFound();
        }
        // evidence is what an audited site served: shown as data, never run in the console's origin
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'");
        ctx.contentType(evidenceType(path)).result(Files.readAllBytes(file));
    }

    private static boolean isImage(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".png") || p.endsWith(".jpg") || p.endsWith(".jpeg");
    }

    private static String evidenceType(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".png")) {
            return "image/png";
        }
        if (p.endsWith(".jpg") || p.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (p.endsWith(".html") || p.endsWith(".htm") || p.endsWith(".txt") || p.endsWith(".json") || p.endsWith(".csv")
                || p.endsWith(".md")) {
            return "text/plain; charset=utf-8";
        }
        return "application/octet-stream";
    }

    private static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    // ---- runs, circular, log

    private void runs(Context ctx) {
        User u = Console.user(ctx);
        List<Views.RunRow> rows = new ArrayList<>();
        for (ConsoleSite c : visible(u)) {
            List<StoredRun> completed = s.results().completedRuns(c.url());
            for (int i = 0; i < completed.size(); i++) {
                StoredRun r = completed.get(i);
                List<Finding> now = s.results().findings(r.id());
                List<Finding> before = i + 1 < completed.size() ? s.results().findings(completed.get(i + 1).id())
                        : List.of();
                List<FindingChange> diff = FindingDiff.diff(before, now);
                rows.add(new Views.RunRow(c.ref(), c.name(), r.id(), TIME.format(r.started()), "已完成",
                        r.verdict() == null ? "—" : r.verdict(), r.score() == null ? "—" : String.valueOf(r.score()),
                        now.size(), count(diff, FindingChange.Change.NEW), count(diff, FindingChange.Change.OPEN),
                        count(diff, FindingChange.Change.FIXED)));
            }
        }
        rows.sort((a, b) -> b.started().compareTo(a.started()));
        render(ctx, "runs.jte", new Views.RunsPage(frame(ctx, "巡检记录", "runs"), rows));
    }

    private static int count(List<FindingChange> diff, FindingChange.Change change) {
        return (int) diff.stream().filter(d -> d.change() == change).count();
    }

    private Report circularReport() {
        boolean confirmedOnly = s.schedule().console().reviewBeforePublish();
        List<SiteReport> reports = new ArrayList<>();
        for (ConsoleSite c : s.sites().values()) {
            SiteState.of(s, c).report(s, confirmedOnly).ifPresent(reports::add);
        }
        return new Report(ShanghaiTime.iso(s.clock()), Summary.of(reports), reports);
    }

    private void circular(Context ctx) throws IOException {
        User u = Console.user(ctx);
        if (!u.isStaff()) {
            throw Refusal.forbidden();
        }
        Report report = circularReport();
        ByteArrayOutputStream md = new ByteArrayOutputStream();
        new CircularWriter().writeMarkdown(Circular.of(report, s.catalogue(), CircularTemplate.standard()), md);
        render(ctx, "circular.jte", new Views.CircularPage(frame(ctx, "通报", "circular"),
                md.toString(StandardCharsets.UTF_8), s.schedule().console().reviewBeforePublish(), report.sites().size()));
    }

    private void circularFile(Context ctx) throws IOException {
        User u = Console.user(ctx);
        if (!u.isStaff()) {
            throw Refusal.forbidden();
        }
        Report report = circularReport();
        Circular circular = Circular.of(report, s.catalogue(), CircularTemplate.standard());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String file = ctx.pathParam("file");
        String type;
        switch (file) {
            case CircularWriter.MARKDOWN -> {
                new CircularWriter().writeMarkdown(circular, out);
                type = "text/markdown; charset=utf-8";
            }
            case CircularWriter.HTML -> {
                new CircularWriter().writeHtml(circular, out);
                type = "text/html; charset=utf-8";
            }
            case ReportJsonWriter.FILE -> {
                new ReportJsonWriter().write(report, out);
                type = "application/json; charset=utf-8";
            }
            case ReportHtmlWriter.FILE -> {
                new ReportHtmlWriter(s.catalogue()).write(report, Map.of(), s.schedule().outputDir(), out);
                type = "text/html; charset=utf-8";
            }
            case FindingsCsvWriter.FILE -> {
                new FindingsCsvWriter(s.catalogue()).write(report, out);
                type = "text/csv; charset=utf-8";
            }
            default -> throw Refusal.notFound();
        }
        s.log().append(u.name(), ctx.ip(), "circular.export", file);
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        ctx.contentType(type).result(out.toByteArray());
    }

    private void auditLog(Context ctx) {
        User u = Console.user(ctx);
        if (u.role() != Role.ADMIN) {
            throw Refusal.forbidden();
        }
        render(ctx, "log.jte", new Views.LogPage(frame(ctx, "审计日志", "log"), s.log().recent(500).stream()
                .map(e -> new Views.LogRow(TIME.format(e.at()), e.actor(), e.address(), e.action(), e.detail()))
                .toList()));
    }
}
