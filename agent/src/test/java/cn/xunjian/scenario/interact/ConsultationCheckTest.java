package cn.xunjian.scenario.interact;

import static cn.xunjian.scenario.interact.ConsultationFixtures.captchaRow;
import static cn.xunjian.scenario.interact.ConsultationFixtures.home;
import static cn.xunjian.scenario.interact.ConsultationFixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.Target;
import cn.xunjian.check.Facts;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.site.SiteFile;
import cn.xunjian.store.JsonFileSubmittedMessageStore;
import cn.xunjian.testing.FakeBrowser;
import cn.xunjian.testing.FakeScenarioPage;
import cn.xunjian.testing.FakeSite;
import cn.xunjian.testing.SiteContextBuilder;
import cn.xunjian.testing.StaticAuditPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consultation check's decisions on scripted pages: no channel, a usable form, a captcha, a submission. */
class ConsultationCheckTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);
    private static final String ORIGIN = "http://127.0.0.1:8080";
    private static final String HOME = ORIGIN + "/";
    private static final String FORM = ORIGIN + "/ask.html";

    @TempDir
    Path dir;

    private final FakeSite site = new FakeSite().script(FormProbeModel.MARKER, FormProbeModel::answer);

    /** The consultation form of every fixture site; its 信件查询 page is not visited here. */
    private static String form(String action, String extra, String script) {
        return ConsultationFixtures.form("/query.html", action, extra, script);
    }

    private Path store() {
        return dir.resolve("store.json");
    }

    private List<Finding> consult(String homeHtml, SiteFile.Consultation consultation, FakeBrowser browser) {
        site.page(HOME, homeHtml);
        SiteFile file = new SiteFile("某县人民政府", null, HOME, null, consultation, null, null, null);
        SiteEvidence evidence = new SiteEvidence(new EvidenceStore(dir.resolve("run"), CLOCK), "site-01");
        return new ConsultationCheck(ConsultationRules.standard(), new JsonFileSubmittedMessageStore(store()))
                .run(SiteContextBuilder.of(file, new StaticAuditPage(HOME, homeHtml), browser, evidence, null, CLOCK,
                        new Facts()));
    }

    private String stepLog(Finding f) throws IOException {
        assertThat(f.evidence().get(0).type()).isEqualTo("http");
        return Files.readString(dir.resolve("run").resolve(f.evidence().get(0).path()), StandardCharsets.UTF_8);
    }

    @Test
    void aHomePageWithOnlyPetitionAndDisciplineChannelsHasNoConsultationChannel() {
        FakeBrowser browser = new FakeBrowser(site);

        List<Finding> findings = consult(home("<a href=\"/xf.html\">网上信访</a> <a href=\"/jj.html\">纪检举报</a>"), null,
                browser);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.indicator()).isEqualTo("W-V5");
            assertThat(f.kind()).isEqualTo("interaction.consultation.missing");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.url()).isEqualTo(HOME);
            assertThat(f.message()).contains("首页未找到", "信访、纪检举报渠道不计");
            assertThat(f.evidence()).extracting(Evidence::type).containsExactly("http", "screenshot");
        });
        assertThat(browser.pages()).singleElement().satisfies(p -> assertThat(p.actions()).isEmpty());
    }

    @Test
    void withoutSubmitTrueAUsableFormIsFilledWithMarkedTestDataButNeverSent() throws IOException {
        site.page(FORM, form("/submit", "", ""));
        FakeBrowser browser = new FakeBrowser(site);

        List<Finding> findings = consult(home("<a href=\"/ask.html\">我要写信</a>"), null, browser);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("interaction.consultation.ready");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.url()).isEqualTo(FORM);
            assertThat(f.message()).contains("consultation.submit", "未提交测试留言");
            assertThat(f.evidence()).extracting(Evidence::type).contains("http", "screenshot");
        });
        FakeScenarioPage page = browser.pages().get(0);
        assertThat(browser.opened()).extracting(o -> o.visitor().profile()).containsExactly(DeviceProfile.DESKTOP);
        assertThat(page.submissions()).isEmpty();
        assertThat(page.value(Target.css("#nr"))).startsWith("【测试】");
        assertThat(page.value(Target.css("#bt"))).isEqualTo(ConsultationRules.standard().testData().subject());
        assertThat(page.value(Target.css("#xm"))).isEqualTo("巡检测试");
        assertThat(page.value(Target.css("#sj"))).isEqualTo("13800000000");
        assertThat(stepLog(findings.get(0))).contains("\"action\" : \"discover\"", "我要写信", "\"action\" : \"fill\"")
                .doesNotContain("\"action\" : \"submit\"");
        assertThat(Files.exists(store())).isFalse();
    }

    @Test
    void aCaptchaIsReportedAsNeedingAWhitelistAndNothingIsSubmitted() {
        site.page(FORM, form("/submit", captchaRow("/code.png"), ""));
        FakeBrowser browser = new FakeBrowser(site);

        List<Finding> findings = consult(home("<a href=\"/ask.html\">在线咨询</a>"),
                new SiteFile.Consultation(null, true), browser);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("interaction.consultation.captcha");
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.message()).contains("白名单", "验证码输入框（name=yzm）", "验证码图片", "未尝试绕过");
        });
        assertThat(browser.pages().get(0).submissions()).isEmpty();
        assertThat(Files.exists(store())).isFalse();
    }

    @Test
    void aWorkingFormIsSubmittedOnceWithMarkedTestDataAndItsQueryCodeIsStored() throws IOException {
        site.page(FORM, form("/submit", "", ""))
                .page(ORIGIN + "/submit", page("<h2>提交成功</h2><p>您的查询码为：AB12CD34，请妥善保存。</p>"));
        FakeBrowser browser = new FakeBrowser(site);

        List<Finding> findings = consult(home("<a href=\"/xf.html\">网上信访</a><a href=\"/ask.html\">我要咨询</a>"),
                new SiteFile.Consultation(null, true), browser);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("interaction.consultation.submitted");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.url()).isEqualTo(ORIGIN + "/submit");
            assertThat(f.message()).contains("提交成功", "查询码 AB12CD34");
        });
        assertThat(browser.pages().get(0).submissions()).singleElement().satisfies(s -> {
            assertThat(s.url()).isEqualTo(ORIGIN + "/submit");
            assertThat(s.method()).isEqualTo("post");
            assertThat(s.fields().get("content")).startsWith("【测试】");
            assertThat(s.fields().get("title")).startsWith("【测试】");
        });
        assertThat(stepLog(findings.get(0))).contains("\"action\" : \"submit\"", "\"queryCode\" : \"AB12CD34\"")
                .doesNotContain("xf.html");
        assertThat(new JsonFileSubmittedMessageStore(store()).unanswered()).singleElement().satisfies(m -> {
            assertThat(m.siteUrl()).isEqualTo(HOME);
            assertThat(m.formUrl()).isEqualTo(FORM);
            assertThat(m.queryCode()).isEqualTo("AB12CD34");
            assertThat(m.submittedAt()).isEqualTo("2026-11-22T02:00:00+08:00");
        });
    }

    @Test
    void aConfirmationShownInADialogIsRecognisedWithItsLetterNumber() {
        site.page(FORM, form("#", "", ConsultationFixtures.ALERT_ON_SUBMIT))
                .onClick(FORM, Target.css("button[type=submit]"), p -> p.dialog("留言成功！信件编号：ZX-9988"));

        List<Finding> findings = consult(home("<a href=\"/ask.html\">我要留言</a>"),
                new SiteFile.Consultation(null, true), new FakeBrowser(site));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("interaction.consultation.submitted");
            assertThat(f.message()).contains("留言成功", "查询码 ZX-9988");
        });
    }

    @Test
    void aSubmissionAnsweredWithHttp500IsAVetoWithTheEvidenceOfEachStep() throws IOException {
        site.page(FORM, form("/submit", "", ""))
                .page(ORIGIN + "/submit", 500, page("<h1>500 Internal Server Error</h1>"));

        List<Finding> findings = consult(home("<a href=\"/ask.html\">我要咨询</a>"),
                new SiteFile.Consultation(FORM, true), new FakeBrowser(site));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("interaction.consultation.broken");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.url()).isEqualTo(FORM);
            assertThat(f.message()).contains("提交请求返回 HTTP 500 " + ORIGIN + "/submit");
            assertThat(f.evidence()).extracting(Evidence::type).contains("http", "screenshot", "html");
        });
        assertThat(stepLog(findings.get(0))).contains("\"action\" : \"entry\"", "\"status\" : \"failed\"");
        assertThat(Files.exists(store())).isFalse();
    }

    @Test
    void anEntryPageWithoutAVisibleContentFieldIsABrokenChannel() {
        site.page(FORM, page("<p>本栏目正在维护</p><textarea name=\"content\" style=\"display:none\"></textarea>"));

        List<Finding> findings = consult(home("<a href=\"/ask.html\">我要咨询</a>"), null, new FakeBrowser(site));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("interaction.consultation.broken");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.message()).contains("没有可用的咨询表单");
        });
    }

    @Test
    void aChannelOnAnotherPlatformOutsideTheNetworkScopeIsUnverifiedNeverMissing() throws IOException {
        site.page(ORIGIN + "/zmhd/index.html", ConsultationFixtures.DAXING_ZMHD);
        FakeBrowser browser = new FakeBrowser(site);

        List<Finding> findings = consult(home(ConsultationFixtures.DAXING_NAV), null, browser);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.indicator()).isEqualTo("W-V5");
            assertThat(f.kind()).isEqualTo("interaction.consultation.unverified");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.url()).isEqualTo("https://hd.bjdx.gov.cn/hudong/xinxiang/bjdx/sindex/xx-bjdx.html");
            assertThat(f.message()).contains("其他平台 hd.bjdx.gov.cn", "不在允许访问的网络范围内", "未能核实")
                    .doesNotContain("未提供");
        });
        assertThat(browser.opened()).flatExtracting(o -> o.page().visited())
                .containsExactly(ORIGIN + "/zmhd/index.html").noneMatch(u -> u.contains("bjdx.gov.cn"));
        assertThat(stepLog(findings.get(0))).contains("\"status\" : \"skipped\"", "区长信箱");
    }

    @Test
    void aHotlineFormOnAnotherHostWithinTheScopeIsOpenedAndTriedLikeTheSitesOwn() {
        String platform = "http://localhost:8081";
        site.page(platform + "/hdjl/12345rx/sysm/index.html", ConsultationFixtures.hotlineGuide("/hdjl/12345rx/wyxx.html"))
                .page(platform + "/hdjl/12345rx/wyxx.html", form("/hdjl/12345rx/submit", "", ""));
        FakeBrowser browser = new FakeBrowser(site);

        List<Finding> findings = consult(home(ConsultationFixtures.hotlineButtons(platform)), null, browser);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).as(f.message()).isEqualTo("interaction.consultation.ready");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.url()).isEqualTo(platform + "/hdjl/12345rx/wyxx.html");
            assertThat(f.message()).startsWith("咨询渠道设在其他平台 localhost；咨询表单可以打开并填写");
        });
        FakeScenarioPage page = browser.pages().get(0);
        assertThat(page.visited()).noneMatch(u -> u.contains("gdwsxf"));
        assertThat(page.value(Target.css("#nr"))).startsWith("【测试】");
        assertThat(page.submissions()).isEmpty();
    }

    @Test
    void aPlatformThatAsksForALoginBeforeWritingIsUnverifiedNotBroken() {
        String platform = "http://localhost:8081";
        site.page(platform + "/hdjl/12345rx/sysm/index.html", ConsultationFixtures.hotlineGuide("/hdjl/12345rx/wyxx.html"))
                .page(platform + "/hdjl/12345rx/wyxx.html", ConsultationFixtures.LOGIN_WALL);

        List<Finding> findings = consult(home(ConsultationFixtures.hotlineButtons(platform)), null,
                new FakeBrowser(site));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("interaction.consultation.unverified");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.url()).isEqualTo(platform + "/hdjl/12345rx/wyxx.html");
            assertThat(f.message()).contains("需要登录后才能留言");
            assertThat(f.evidence()).extracting(Evidence::type).contains("http", "screenshot", "html");
        });
    }

    @Test
    void anIcpNumberContainingTheDigitsOf12345IsNoConsultationChannel() {
        List<Finding> findings = consult(home("<a href=\"https://beian.miit.gov.cn/\">浙ICP备12345678号-1</a>"), null,
                new FakeBrowser(site));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("interaction.consultation.missing");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
        });
    }
}
