package cn.xunjian.scenario.interact;

import static cn.xunjian.scenario.interact.ConsultationFixtures.captchaRow;
import static cn.xunjian.scenario.interact.ConsultationFixtures.home;
import static cn.xunjian.scenario.interact.ConsultationFixtures.letters;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.browser.BrowserSession;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.model.Evidence;
import cn.xunjian.scenario.BrowserPages;
import cn.xunjian.scenario.SiteContexts;
import cn.xunjian.site.SiteFile;
import cn.xunjian.store.JsonFileSubmittedMessageStore;
import cn.xunjian.store.SubmittedMessage;
import cn.xunjian.testing.FixtureServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consultation check, the message list check and the follow-up with real Chromium against fixture sites. */
class ConsultationIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);
    private static final Map<String, AtomicInteger> POSTS = new ConcurrentHashMap<>();

    @TempDir
    static Path dir;
    private static FixtureServer server;
    /** The district's 互动 platform on another loopback address, outside the tests' network scope. */
    private static FixtureServer outside;
    private static BrowserRuntime browser;

    /**
     * The consultation form of every fixture site; the follow-up of the working one (/good/) looks its query code up
     * on the 信件查询 page it links to.
     */
    private static String form(String action, String extra, String script) {
        return ConsultationFixtures.form("/good/query.html", action, extra, script);
    }

    private static FixtureServer.Route post(String name, int status, String body) {
        return ex -> {
            String sent = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (ex.getRequestMethod().equals("POST")) {
                POSTS.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
                POSTS.computeIfAbsent(name + ":test-marked", k -> new AtomicInteger())
                        .addAndGet(java.net.URLDecoder.decode(sent, StandardCharsets.UTF_8).contains("【测试】") ? 1 : 0);
            }
            FixtureServer.send(ex, status, "text/html; charset=utf-8",
                    ConsultationFixtures.page(body).getBytes(StandardCharsets.UTF_8));
        };
    }

    @BeforeAll
    static void start() {
        outside = FixtureServer.on("127.0.0.2")
                .html("/hudong/xinxiang/bjdx/sindex/xx-bjdx.html", form("/hudong/submit", "", ""));
        server = new FixtureServer();
        String hotline = "http://localhost:" + server.port();
        server.html("/platform/", home(ConsultationFixtures.hotlineButtons(hotline)))
                .html("/hdjl/12345rx/sysm/index.html", ConsultationFixtures.hotlineGuide("/hdjl/12345rx/wyxx.html"))
                .html("/hdjl/12345rx/wyxx.html", form("/hdjl/12345rx/submit", "", ""))
                .html("/elsewhere/", home(ConsultationFixtures.DAXING_NAV.replace("https://hd.bjdx.gov.cn",
                        outside.url(""))))
                .html("/zmhd/index.html", ConsultationFixtures.DAXING_ZMHD)
                .html("/good/", home("<a href=\"/xf.html\">网上信访</a><a href=\"/good/ask.html\">我要咨询</a>"))
                .html("/good/ask.html", form("/good/submit", "", ""))
                .route("/good/submit", post("good", 200, "<h2>提交成功</h2><p>您的查询码为：AB12CD34，请妥善保存。</p>"))
                .html("/good/query.html", """
                        <html><head><meta charset="utf-8"></head><body>
                        <form action="/good/result"><label>查询码 <input name="code"></label><button>查询</button></form>
                        </body></html>""")
                .route("/good/result", ex -> FixtureServer.send(ex, 200, "text/html; charset=utf-8",
                        (ex.getRequestURI().getQuery() != null && ex.getRequestURI().getQuery().contains("AB12CD34")
                                ? "<html><body>信件状态：已答复　答复时间：2026-11-25</body></html>"
                                : "<html><body>未找到</body></html>").getBytes(StandardCharsets.UTF_8)))
                .html("/ready/", home("<a href=\"/ready/ask.html\">我要写信</a>"))
                .html("/ready/ask.html", form("/ready/submit", "", ""))
                .route("/ready/submit", post("ready", 200, "提交成功"))
                .html("/broken/", home("<a href=\"/broken/ask.html\">我要咨询</a>"))
                .html("/broken/ask.html", form("/broken/submit", "", ""))
                .route("/broken/submit", post("broken", 500, "<h1>500 Internal Server Error</h1>"))
                .html("/script/", home("<a href=\"/script/ask.html\">县长信箱</a>"))
                .html("/script/ask.html", form("/script/submit", "",
                        "onsubmit=\"event.preventDefault(); submitLetter(this);\""))
                .html("/captcha/", home("<a href=\"/captcha/ask.html\">在线咨询</a>"))
                .html("/captcha/ask.html", form("/captcha/submit", captchaRow("/captcha/code.png"), ""))
                .route("/captcha/submit", post("captcha", 200, "提交成功"))
                .html("/alert/", home("<a href=\"/alert/ask.html\">我要留言</a>"))
                .html("/alert/ask.html", form("#", "", ConsultationFixtures.ALERT_ON_SUBMIT))
                .html("/hang/", home("<a href=\"/hang/ask.html\">我要咨询</a>"))
                .html("/hang/ask.html", form("/hang/submit", "", ""))
                .hang("/hang/submit")
                .html("/none/", home("<a href=\"/xf.html\">网上信访</a> <a href=\"/jj.html\">纪检举报</a>"))
                .html("/silent/", home("<a href=\"/silent/list.html\">信件公开</a>"))
                .html("/silent/list.html", letters("""
                        <tr><td><a href="/silent/1.html">供暖问题</a></td><td>2026-07-01</td><td></td><td>办理中</td></tr>
                        <tr><td><a href="/silent/2.html">医保办理</a></td><td>2026-09-01</td><td>2026-09-17</td><td>已答复</td></tr>"""))
                .html("/timely/", home("<a href=\"/timely/list.html\">留言选登</a>"))
                .html("/timely/list.html", """
                        <html><head><meta charset="utf-8"></head><body><ul>
                        <li><a href="/timely/1.html">加装电梯补贴</a><span>留言时间：2026-11-02</span><span>答复时间：2026-11-04</span></li>
                        <li><a href="/timely/2.html">公交线路调整</a><span>留言时间：2026-11-09</span><span>答复时间：2026-11-10</span></li>
                        </ul></body></html>""");
        browser = BrowserRuntime.start(NetworkScope.LOOPBACK_ONLY);
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
        outside.close();
    }

    private static List<Finding> consult(String path, SiteFile.Consultation consultation, Path store) {
        SiteFile site = new SiteFile("某县人民政府", null, server.url(path), null, consultation, null, null, null);
        try (BrowserSession session = SiteContexts.desktop(browser)) {
            return new ConsultationCheck(ConsultationRules.standard(), new JsonFileSubmittedMessageStore(store))
                    .run(SiteContexts.of(site, browser, session, dir.resolve("run"), CLOCK));
        }
    }

    private static List<Finding> messages(String path) {
        SiteFile site = SiteFile.of("某县人民政府", server.url(path));
        try (BrowserSession session = SiteContexts.desktop(browser)) {
            return new MessageListCheck(ConsultationRules.standard(), MessageRules.standard(),
                    WorkingDayCalendar.standard()).run(SiteContexts.of(site, browser, session, dir.resolve("run"), CLOCK));
        }
    }

    private static String stepLog(Finding f) throws IOException {
        assertThat(f.evidence().get(0).type()).isEqualTo("http");
        return Files.readString(dir.resolve("run").resolve(f.evidence().get(0).path()), StandardCharsets.UTF_8);
    }

    @Test
    void aWorkingFormIsSubmittedWithMarkedTestDataAndItsQueryCodeIsStoredAndFollowedUp() throws IOException {
        Path store = dir.resolve("good-store.json");
        List<Finding> findings = consult("/good/", new SiteFile.Consultation(null, true), store);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("interaction.consultation.submitted");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("AB12CD34");
        });
        assertThat(stepLog(findings.get(0))).contains("\"action\" : \"discover\"").contains("\"action\" : \"fill\"")
                .contains("\"action\" : \"submit\"").contains("\"queryCode\" : \"AB12CD34\"").doesNotContain("xf.html");
        assertThat(POSTS.get("good")).hasValue(1);
        assertThat(POSTS.get("good:test-marked")).hasValue(1);
        JsonFileSubmittedMessageStore messages = new JsonFileSubmittedMessageStore(store);
        assertThat(messages.unanswered()).singleElement().satisfies(m -> {
            assertThat(m.queryCode()).isEqualTo("AB12CD34");
            assertThat(m.formUrl()).endsWith("/good/ask.html");
            assertThat(m.submittedAt()).isEqualTo("2026-11-22T02:00:00+08:00");
        });

        try (BrowserPages pages = new BrowserPages(browser)) {
            List<FollowUp.Outcome> outcomes = new FollowUp(pages, messages, ConsultationRules.standard(),
                    MessageRules.standard(), CLOCK).run();
            assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.answered()).as(o.detail()).isTrue());
        }
        assertThat(messages.unanswered()).isEmpty();
        assertThat(messages.all()).extracting(SubmittedMessage::answeredAt)
                .containsExactly("2026-11-25T00:00:00+08:00");
    }

    @Test
    void withoutSubmitTrueTheFormIsFilledButNeverSent() throws IOException {
        List<Finding> findings = consult("/ready/", null, dir.resolve("ready-store.json"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("interaction.consultation.ready");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
        });
        assertThat(POSTS.get("ready")).isNull();
        assertThat(findings.get(0).evidence()).extracting(Evidence::type).contains("screenshot");
        assertThat(Files.exists(dir.resolve("ready-store.json"))).isFalse();
    }

    @Test
    void aFormWhoseSubmissionAnswers500IsAVetoWithTheEvidenceOfEachStep() throws IOException {
        List<Finding> findings = consult("/broken/", new SiteFile.Consultation(null, true), dir.resolve("b.json"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.indicator()).isEqualTo("W-V5");
            assertThat(f.kind()).isEqualTo("interaction.consultation.broken");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.message()).contains("HTTP 500");
            assertThat(f.evidence()).extracting(Evidence::type).contains("http", "screenshot", "html");
        });
        assertThat(stepLog(findings.get(0))).contains("\"status\" : \"failed\"").contains("\"action\" : \"submit\"");
    }

    @Test
    void aFormWhoseSubmitScriptThrowsIsAVeto() {
        List<Finding> findings = consult("/script/", new SiteFile.Consultation(null, true), dir.resolve("s.json"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.message()).contains("脚本出错").contains("submitLetter");
        });
    }

    @Test
    void aConfirmationShownInAnAlertIsRecognisedWithItsLetterNumber() {
        List<Finding> findings = consult("/alert/", new SiteFile.Consultation(null, true), dir.resolve("a.json"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).as(f.message()).isEqualTo("interaction.consultation.submitted");
            assertThat(f.message()).contains("ZX-9988");
        });
    }

    @Test
    void aSubmissionThatNeverAnswersIsAVetoAfterTheConfirmationTimeout() {
        List<Finding> findings = consult("/hang/", new SiteFile.Consultation(null, true), dir.resolve("h.json"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.message()).contains("没有出现提交成功的确认");
            assertThat(f.evidence()).extracting(Evidence::type).contains("http", "screenshot");
        });
    }

    @Test
    void aCaptchaIsReportedAsNeedingAWhitelistAndNothingIsSubmitted() {
        List<Finding> findings = consult("/captcha/", new SiteFile.Consultation(null, true), dir.resolve("c.json"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("interaction.consultation.captcha");
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.message()).contains("白名单").contains("验证码输入框");
        });
        assertThat(POSTS.get("captcha")).isNull();
    }

    @Test
    void aSiteWithOnlyPetitionAndDisciplineChannelsHasNoConsultationChannel() {
        List<Finding> findings = consult("/none/", null, dir.resolve("n.json"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("interaction.consultation.missing");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.evidence()).extracting(Evidence::type).containsExactly("http", "screenshot");
        });
    }

    @Test
    void aSilentListIsAVetoAndASlowReplyIsADeduction() {
        List<Finding> findings = messages("/silent/");
        assertThat(findings).extracting(Finding::kind).containsExactlyInAnyOrder("interaction.unanswered-90-days",
                "interaction.slow-reply", "interaction.no-reply-2-months");
        assertThat(findings).filteredOn(f -> f.kind().equals("interaction.unanswered-90-days")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.VETO);
                    assertThat(f.url()).endsWith("/silent/1.html");
                    assertThat(f.message()).contains("供暖问题").contains("144 天");
                });
        assertThat(findings).allSatisfy(f -> assertThat(f.evidence()).extracting(Evidence::type)
                .contains("http", "screenshot", "html"));
    }

    @Test
    void aTimelyListPasses() {
        List<Finding> findings = messages("/timely/");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("interaction.messages.ok");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("2 条留言");
        });
    }

    @Test
    void aHotlineFormOnAnotherHostIsOpenedAndFilledLikeTheSitesOwn() {
        List<Finding> findings = consult("/platform/", null, dir.resolve("p.json"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).as(f.message()).isEqualTo("interaction.consultation.ready");
            assertThat(f.url()).isEqualTo("http://localhost:" + server.port() + "/hdjl/12345rx/wyxx.html");
            assertThat(f.message()).startsWith("咨询渠道设在其他平台 localhost；");
        });
    }

    @Test
    void aChannelOnAPlatformOutsideTheNetworkScopeIsUnverifiedAndNeverRequested() throws IOException {
        List<Finding> findings = consult("/elsewhere/", null, dir.resolve("e.json"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("interaction.consultation.unverified");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("其他平台 127.0.0.2", "不在允许访问的网络范围内");
        });
        assertThat(stepLog(findings.get(0))).contains("\"status\" : \"skipped\"");
        assertThat(outside.requests()).isZero();
    }
}
