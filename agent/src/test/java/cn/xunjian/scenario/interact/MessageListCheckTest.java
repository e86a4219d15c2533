package cn.xunjian.scenario.interact;

import static cn.xunjian.scenario.interact.ConsultationFixtures.home;
import static cn.xunjian.scenario.interact.ConsultationFixtures.letters;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.check.Facts;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.EvidenceFiles;
import cn.xunjian.testing.FakeBrowser;
import cn.xunjian.testing.FakeSite;
import cn.xunjian.testing.SiteContextBuilder;
import cn.xunjian.testing.StaticAuditPage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public message list check's judgement of lists read from scripted pages (today is 2026-11-22 in Shanghai). */
class MessageListCheckTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);
    private static final String ORIGIN = "http://127.0.0.1:8080";
    private static final String HOME = ORIGIN + "/";
    private static final String LIST = ORIGIN + "/list.html";

    @TempDir
    Path dir;

    private final FakeSite site = new FakeSite();

    private FakeBrowser browser;

    private List<Finding> messages(String homeHtml) {
        site.page(HOME, homeHtml);
        browser = new FakeBrowser(site);
        SiteEvidence evidence = new SiteEvidence(new EvidenceStore(dir, CLOCK), "site-01");
        return new MessageListCheck(ConsultationRules.standard(), MessageRules.standard(), WorkingDayCalendar.standard())
                .run(SiteContextBuilder.of(SiteFile.of("某县人民政府", HOME), new StaticAuditPage(HOME, homeHtml), browser,
                        evidence, null, CLOCK, new Facts()));
    }

    @Test
    void aLetterUnansweredForMoreThanNinetyDaysIsAVetoAndAReplyAfterSixWorkingDaysADeduction() throws IOException {
        site.page(LIST, letters("""
                <tr><td><a href="/1.html">供暖问题</a></td><td>2026-07-01</td><td></td><td>办理中</td></tr>
                <tr><td><a href="/2.html">医保办理</a></td><td>2026-09-01</td><td>2026-09-17</td><td>已答复</td></tr>"""));

        List<Finding> findings = messages(home("<a href=\"/list.html\">信件公开</a>"));

        assertThat(findings).extracting(Finding::kind).containsExactlyInAnyOrder("interaction.unanswered-90-days",
                "interaction.slow-reply", "interaction.no-reply-2-months");
        assertThat(findings).filteredOn(f -> f.kind().equals("interaction.unanswered-90-days")).singleElement()
                .satisfies(f -> {
                    assertThat(f.indicator()).isEqualTo("W-V5");
                    assertThat(f.severity()).isEqualTo(Severity.VETO);
                    assertThat(f.url()).isEqualTo(ORIGIN + "/1.html");
                    assertThat(f.message()).contains("供暖问题", "2026-07-01", "144 天", "超过 90 天");
                });
        assertThat(findings).filteredOn(f -> f.kind().equals("interaction.slow-reply")).singleElement()
                .satisfies(f -> {
                    assertThat(f.indicator()).isEqualTo("W-D4");
                    assertThat(f.severity()).isEqualTo(Severity.DEDUCT);
                    assertThat(f.url()).isEqualTo(ORIGIN + "/2.html");
                    assertThat(f.message()).contains("医保办理", "2026-09-01 提交", "2026-09-17 答复", "超过 5 个工作日");
                });
        assertThat(findings).filteredOn(f -> f.kind().equals("interaction.no-reply-2-months")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("最近一次公开答复在 2026-09-17"));
        assertThat(findings).allSatisfy(f -> assertThat(f.evidence()).extracting(Evidence::type)
                .containsSequence("http", "screenshot", "html").contains("http"));
        String read = findings.get(0).evidence().stream().filter(e -> e.path().contains("messages-read"))
                .findFirst().map(this::read).orElseThrow();
        assertThat(read).contains("\"askedAt\" : \"2026-07-01\"", "\"status\" : \"UNANSWERED\"");
    }

    @Test
    void aLetterShownWithoutItsReplyDateIsADeductionWhenItsDetailPageDoesNotShowItEither() {
        site.page(LIST, letters("""
                <tr><td><a href="/1.html">加装电梯补贴</a></td><td>2026-11-02</td><td>2026-11-04</td><td>已答复</td></tr>
                <tr><td><a href="/2.html">路灯维修</a></td><td>2026-11-09</td><td></td><td>已答复</td></tr>"""))
                .page(ORIGIN + "/2.html", "<html><body><h1>路灯维修</h1><p>已答复，感谢您的来信。</p></body></html>");

        List<Finding> findings = messages(home("<a href=\"/list.html\">留言选登</a>"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("interaction.dates-missing");
            assertThat(f.indicator()).isEqualTo("W-D4");
            assertThat(f.severity()).isEqualTo(Severity.DEDUCT);
            assertThat(f.url()).isEqualTo(LIST);
            assertThat(f.message()).isEqualTo("1 条留言未公开留言时间或答复时间");
        });
        // only the letter the list shows incompletely is looked up
        assertThat(browser.pages().get(0).visited()).endsWith(LIST, ORIGIN + "/2.html")
                .doesNotContain(ORIGIN + "/1.html");
    }

    @Test
    void aReplyDateOnlyTheDetailPageShowsIsReadFromIt() {
        site.page(LIST, letters("""
                <tr><td><a href="/1.html">加装电梯补贴</a></td><td>2026-11-02</td><td>2026-11-04</td><td>已答复</td></tr>
                <tr><td><a href="/2.html">路灯维修</a></td><td>2026-11-09</td><td></td><td>已答复</td></tr>"""))
                .page(ORIGIN + "/2.html", """
                        <html><body><main><h1>路灯维修</h1><p>留言时间：2026-11-09</p>
                        <p>答复时间：2026-11-10</p><p>已答复</p></main></body></html>""");

        List<Finding> findings = messages(home("<a href=\"/list.html\">留言选登</a>"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("interaction.messages.ok");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("2 条留言", "答复及时");
        });
    }

    @Test
    void aSiteWithoutAPublicListSaysSoWithoutAProblem() {
        List<Finding> findings = messages(home("<a href=\"/zwgk/\">政务公开</a>"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("interaction.messages.not-found");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.url()).isEqualTo(HOME);
        });
    }

    private String read(Evidence e) {
        return EvidenceFiles.read(dir, e);
    }
}
