package cn.xunjian.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.console.account.Role;
import cn.xunjian.console.review.ReviewStatus;
import cn.xunjian.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console and its API over real HTTP on 127.0.0.1, without a browser (the browser tests are ConsoleIT). */
class ConsoleTest {
    @TempDir
    Path dir;
    private ConsoleFixture fx;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        fx = new ConsoleFixture(dir);
        fx.storePortalRun();
        fx.storeEduRun();
        fx.addUser("zhang", Role.INSPECTOR);
        fx.addUser("edu-office", Role.OPERATOR, ConsoleFixture.EDU_CODE);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private HttpResponse<String> api(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fx.base() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theApiAnswers401WithoutAValidToken() throws Exception {
        assertThat(api("GET", "/api/v1/sites", null, null).statusCode()).isEqualTo(401);
        assertThat(api("GET", "/api/v1/sites", "not-a-token", null).statusCode()).isEqualTo(401);
        assertThat(api("POST", "/api/v1/findings/x/review", null, "{}").statusCode()).isEqualTo(401);
        HttpResponse<String> doc = api("GET", "/api/v1/openapi.json", null, null);
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(doc.body()).path("paths").has("/sites/{siteCode}/findings")).isTrue();
    }

    @Test
    void anOperatorsTokenSeesOnlyTheirSiteAndGets404ForAnother() throws Exception {
        String token = fx.token("edu-office");
        JsonNode sites = Json.mapper().readTree(api("GET", "/api/v1/sites", token, null).body()).path("sites");
        assertThat(sites).hasSize(1);
        assertThat(sites.get(0).path("siteCode").asText()).isEqualTo(ConsoleFixture.EDU_CODE);
        assertThat(sites.get(0).path("origin").asText()).isEqualTo("file");

        assertThat(api("GET", "/api/v1/sites/" + ConsoleFixture.PORTAL_CODE + "/findings", token, null).statusCode())
                .isEqualTo(404);
        String portalFinding = fx.findingId("darklink.hidden");
        assertThat(api("POST", "/api/v1/findings/" + portalFinding + "/review", token,
                "{\"status\": \"fixed\"}").statusCode()).isEqualTo(404);
        assertThat(fx.services.reviews().current(portalFinding).status()).isEqualTo(ReviewStatus.PENDING);
        HttpResponse<String> own = api("GET", "/api/v1/sites/" + ConsoleFixture.EDU_CODE + "/findings", token, null);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(own.body()).path("findings").get(0).path("review").path("status").asText())
                .isEqualTo("pending");
    }

    @Test
    void anInspectorDismissesAVetoWithAReasonAndTheSiteIsJudgedWithoutIt() throws Exception {
        String token = fx.token("zhang");
        String veto = fx.findingId("darklink.hidden");
        String path = "/api/v1/sites/" + ConsoleFixture.PORTAL_CODE + "/findings";
        assertThat(Json.mapper().readTree(api("GET", path, token, null).body()).path("verdict").asText())
                .isEqualTo("不合格");

        HttpResponse<String> noReason = api("POST", "/api/v1/findings/" + veto + "/review", token,
                "{\"status\": \"dismissed\"}");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("理由");
        HttpResponse<String> ok = api("POST", "/api/v1/findings/" + veto + "/review", token,
                "{\"status\": \"dismissed\", \"reason\": \"该链接是网站自己的无障碍跳转，非暗链\"}");
        assertThat(ok.statusCode()).isEqualTo(200);

        JsonNode after = Json.mapper().readTree(api("GET", path, token, null).body());
        assertThat(after.path("verdict").asText()).isEqualTo("合格");
        JsonNode f = after.path("findings").get(0);
        assertThat(f.path("id").asText()).isEqualTo(veto);
        assertThat(f.path("counted").asBoolean()).isFalse();
        assertThat(f.path("review").path("status").asText()).isEqualTo("dismissed");
        assertThat(f.path("review").path("by").asText()).isEqualTo("zhang");
        assertThat(f.path("review").path("reason").asText()).contains("无障碍");
    }

    @Test
    void aDismissedFindingStaysDismissedInTheNextRun() throws Exception {
        String token = fx.token("zhang");
        String veto = fx.findingId("darklink.hidden");
        api("POST", "/api/v1/findings/" + veto + "/review", token, "{\"status\": \"dismissed\", \"reason\": \"误判\"}");

        String next = fx.storePortalRun();

        assertThat(fx.results.run(next).orElseThrow().verdict()).as("the daemon's next run scores without it")
                .isEqualTo("合格");
        JsonNode after = Json.mapper().readTree(api("GET", "/api/v1/sites/" + ConsoleFixture.PORTAL_CODE + "/findings",
                token, null).body());
        assertThat(after.path("runId").asText()).isEqualTo(next);
        assertThat(after.path("findings").get(0).path("id").asText()).isEqualTo(veto);
        assertThat(after.path("findings").get(0).path("review").path("status").asText()).isEqualTo("dismissed");
    }

    @Test
    void anOperatorMayAnswerButNotDismiss() throws Exception {
        String token = fx.token("edu-office");
        String[] id = new String[1];
        JsonNode list = Json.mapper().readTree(api("GET", "/api/v1/sites/" + ConsoleFixture.EDU_CODE + "/findings",
                token, null).body());
        id[0] = list.path("findings").get(0).path("id").asText();

        assertThat(api("POST", "/api/v1/findings/" + id[0] + "/review", token,
                "{\"status\": \"dismissed\", \"reason\": \"不是问题\"}").statusCode()).isEqualTo(403);
        assertThat(api("POST", "/api/v1/findings/" + id[0] + "/review", token,
                "{\"status\": \"disputed\", \"reason\": \"备案编号在页脚图片中\"}").statusCode()).isEqualTo(200);
        assertThat(api("POST", "/api/v1/findings/" + id[0] + "/review", token, "{\"status\": \"nonsense\"}")
                .statusCode()).isEqualTo(400);
        assertThat(fx.services.reviews().current(id[0]).status()).isEqualTo(ReviewStatus.DISPUTED);
    }

    @Test
    void anOperatorsPagesShowOnlyTheirSiteAndGuessedUrlsOfAnotherAre404() throws Exception {
        HttpSession op = new HttpSession(fx.base());
        assertThat(op.login("edu-office", ConsoleFixture.PASSWORD).statusCode()).isEqualTo(302);

        String sites = op.get("/sites").body();
        assertThat(sites).contains("临江县教育局").doesNotContain("临江县人民政府");
        assertThat(op.get("/sites/" + ConsoleFixture.PORTAL_CODE).statusCode()).isEqualTo(404);
        String veto = fx.findingId("darklink.hidden");
        assertThat(op.get("/findings/" + veto).statusCode()).isEqualTo(404);
        String portalRun = fx.results.latestCompleted(fx.portal().site().url()).orElseThrow().id();
        String shot = fx.results.evidence(portalRun).stream().filter(e -> e.path().endsWith(".png")).findFirst()
                .orElseThrow().path();
        assertThat(op.get("/runs/" + portalRun + "/files/" + shot).statusCode()).isEqualTo(404);
        assertThat(op.get("/circular").statusCode()).isEqualTo(403);
        assertThat(op.get("/audit-log").statusCode()).isEqualTo(403);

        HttpSession staff = new HttpSession(fx.base());
        staff.login("zhang", ConsoleFixture.PASSWORD);
        HttpResponse<String> file = staff.get("/runs/" + portalRun + "/files/" + shot);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        assertThat(staff.get("/runs/" + portalRun + "/files/../../schedule.json").statusCode()).isEqualTo(404);
        assertThat(staff.get("/runs/" + portalRun + "/files/manifest.json-not-there").statusCode()).isEqualTo(404);
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        HttpSession s = new HttpSession(fx.base());
        s.login("zhang", ConsoleFixture.PASSWORD);
        String veto = fx.findingId("darklink.hidden");
        s.get("/findings/" + veto);

        HttpResponse<String> forged = s.post("/findings/" + veto + "/review",
                Map.of("status", "dismissed", "reason", "伪造"));
        HttpResponse<String> wrong = s.post("/findings/" + veto + "/review",
                Map.of("status", "dismissed", "reason", "伪造", "_csrf", "guessed"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");
        assertThat(fx.services.reviews().current(veto).status()).isEqualTo(ReviewStatus.PENDING);
        HttpResponse<String> real = s.post("/findings/" + veto + "/review",
                Map.of("status", "confirmed", "reason", "", "_csrf", s.csrf()));
        assertThat(real.statusCode()).isEqualTo(302);
        assertThat(fx.services.reviews().current(veto).status()).isEqualTo(ReviewStatus.CONFIRMED);
        assertThat(fx.services.log().recent(20)).anySatisfy(e -> assertThat(e.action()).isEqualTo("csrf.refused"))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("review.confirmed");
                    assertThat(e.actor()).isEqualTo("zhang");
                    assertThat(e.address()).isEqualTo("127.0.0.1");
                });
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws Exception {
        HttpSession s = new HttpSession(fx.base());
        for (int i = 0; i < 4; i++) {
            assertThat(s.login("zhang", "wrong-password-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(s.login("zhang", "wrong-password-5").statusCode()).isEqualTo(429);

        HttpResponse<String> right = s.login("zhang", ConsoleFixture.PASSWORD);
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.body()).contains("账号已锁定");
        assertThat(s.hasSession()).isFalse();
        assertThat(new HttpSession(fx.base()).login("edu-office", ConsoleFixture.PASSWORD).statusCode())
                .as("other accounts are not locked").isEqualTo(302);
    }

    @Test
    void aLoginPostWithoutTheLoginFormsTokenIsRefused() throws Exception {
        HttpSession s = new HttpSession(fx.base());
        assertThat(s.post("/login", Map.of("name", "zhang", "password", ConsoleFixture.PASSWORD)).statusCode())
                .isEqualTo(403);
        assertThat(s.hasSession()).isFalse();
    }

    @Test
    void pagesCarryTheSecurityHeadersAndTheSessionCookieIsHttpOnlyAndStrict() throws Exception {
        HttpSession s = new HttpSession(fx.base());
        HttpResponse<String> login = s.login("zhang", ConsoleFixture.PASSWORD);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("xj_session="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").containsPattern("Max-Age=\\d+");

        HttpResponse<String> page = s.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("frame-ancestors 'none'").contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain(" onclick=").contains("/static/htmx.min.js");
        assertThat(new HttpSession(fx.base()).get("/").statusCode()).as("no session: to the login page").isEqualTo(302);
    }

    @Test
    void brokenOversizedAndWrongTypeUploadsAreRefusedAndNothingIsStored() throws Exception {
        HttpSession op = new HttpSession(fx.base());
        op.login("edu-office", ConsoleFixture.PASSWORD);
        String id = Json.mapper().readTree(api("GET", "/api/v1/sites/" + ConsoleFixture.EDU_CODE + "/findings",
                fx.token("edu-office"), null).body()).path("findings").get(0).path("id").asText();
        op.get("/findings/" + id);

        HttpResponse<String> wrongType = op.multipart("/findings/" + id + "/attachments", op.csrf(), "run.exe",
                new byte[] {'M', 'Z', 0, 0});
        HttpResponse<String> broken = op.multipart("/findings/" + id + "/attachments", op.csrf(), "整改报告.pdf",
                "not a pdf at all".getBytes(StandardCharsets.UTF_8));
        byte[] big = new byte[(int) fx.services.attachments().rules().maxBytes() + 10];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);
        HttpResponse<String> oversized = op.multipart("/findings/" + id + "/attachments", op.csrf(), "大文件.pdf", big);

        assertThat(wrongType.statusCode()).isEqualTo(422);
        assertThat(wrongType.body()).contains("不支持的文件类型");
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(broken.body()).contains("已损坏");
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(oversized.body()).contains("上限");
        assertThat(fx.services.attachments().storedFiles()).isZero();
        assertThat(fx.services.attachments().list(id)).isEmpty();

        op.get("/findings/" + id);
        HttpResponse<String> good = op.multipart("/findings/" + id + "/attachments", op.csrf(), "整改说明.pdf",
                "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(good.statusCode()).isEqualTo(302);
        assertThat(fx.services.attachments().list(id)).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("整改说明.pdf");
            assertThat(fx.services.attachments().file(a)).exists()
                    .satisfies(p -> assertThat(p.startsWith(dir.resolve("out").resolve("uploads"))).isTrue());
        });
    }

    @Test
    void anOperatorsFixQueuesARecheckThatConfirmsTheProblemUntilItIsReallyGone() throws Exception {
        fx.addUser("portal-office", Role.OPERATOR, ConsoleFixture.PORTAL_CODE);
        String token = fx.token("portal-office");
        String veto = fx.findingId("darklink.hidden");

        api("POST", "/api/v1/findings/" + veto + "/review", token, "{\"status\": \"fixed\", \"reason\": \"已删除\"}");
        assertThat(fx.services.reviews().current(veto).status()).isEqualTo(ReviewStatus.FIXED);
        assertThat(fx.services.reviews().rechecks(veto)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo("queued"));

        RecheckDrain.drain(fx);
        assertThat(fx.services.reviews().current(veto).status()).as("the link is still on the page")
                .isEqualTo(ReviewStatus.CONFIRMED);

        fx.portalFixed = true;
        api("POST", "/api/v1/findings/" + veto + "/review", token, "{\"status\": \"fixed\", \"reason\": \"确已删除\"}");
        RecheckDrain.drain(fx);

        assertThat(fx.services.reviews().current(veto).status()).isEqualTo(ReviewStatus.VERIFIED);
        assertThat(fx.services.reviews().history(veto)).extracting(r -> r.status().json())
                .containsExactly("fixed", "confirmed", "fixed", "verified");
        assertThat(fx.services.reviews().rechecks(veto)).hasSize(2).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("done");
            assertThat(r.evidence()).singleElement().satisfies(p -> assertThat(dir.resolve(p)).exists());
        });
    }

    @Test
    void aDatabaseThatIsGoneGivesAPlainChinesePageNotAStackTrace() throws Exception {
        HttpSession s = new HttpSession(fx.base());
        s.login("zhang", ConsoleFixture.PASSWORD);
        fx.db.close();

        HttpResponse<String> page = s.get("/sites");

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("数据库暂时无法访问").doesNotContain("Exception").doesNotContain("at cn.xunjian");
    }

    @Test
    void theAuditLogOffersNoWayToChangeIt() throws Exception {
        fx.addUser("root", Role.ADMIN);
        HttpSession admin = new HttpSession(fx.base());
        admin.login("root", ConsoleFixture.PASSWORD);
        HttpResponse<String> log = admin.get("/audit-log");
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body()).contains("登录成功").doesNotContain("<form method=\"post\" action=\"/audit");
        assertThat(admin.post("/audit-log", Map.of("_csrf", admin.csrf())).statusCode()).isEqualTo(404);
        assertThat(Files.exists(dir.resolve("out"))).isTrue();
    }
}
