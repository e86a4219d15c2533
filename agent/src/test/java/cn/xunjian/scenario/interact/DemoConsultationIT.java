package cn.xunjian.scenario.interact;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.browser.BrowserSession;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.demo.DemoPortal;
import cn.xunjian.scenario.SiteContexts;
import cn.xunjian.site.SiteFile;
import cn.xunjian.store.JsonFileSubmittedMessageStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo portal's new 政民互动 pages do what the demo promises (with the system clock, as the demo runs). */
class DemoConsultationIT {
    @TempDir
    static Path dir;
    private static DemoPortal portal;
    private static BrowserRuntime browser;

    @BeforeAll
    static void start() throws IOException {
        portal = DemoPortal.start();
        browser = BrowserRuntime.start(NetworkScope.LOOPBACK_ONLY);
    }

    @AfterAll
    static void stop() {
        browser.close();
        portal.close();
    }

    private static SiteFile site(String form) {
        return new SiteFile(DemoPortal.PORTAL_NAME, DemoPortal.PORTAL_CODE, portal.portalUrl(), "portal",
                new SiteFile.Consultation(portal.origin() + form, true), null, null, null);
    }

    private static List<Finding> consult(String form) {
        try (BrowserSession session = SiteContexts.desktop(browser)) {
            return new ConsultationCheck(ConsultationRules.standard(),
                    new JsonFileSubmittedMessageStore(dir.resolve("store.json")))
                    .run(SiteContexts.of(site(form), browser, session, dir.resolve("run"), Clock.systemUTC()));
        }
    }

    @Test
    void theWorkingDemoFormConfirmsWithAQueryCode() {
        assertThat(consult("/zmhd/ask.html")).singleElement().satisfies(f -> {
            assertThat(f.kind()).as(f.message()).isEqualTo("interaction.consultation.submitted");
            assertThat(f.message()).containsPattern("查询码 LJ[0-9]{12}");
        });
    }

    @Test
    void theBrokenDemoFormIsAVeto() {
        assertThat(consult("/zmhd/ask-broken.html")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.message()).contains("submitLetter");
        });
    }

    @Test
    void theDemoListHasAnOverdueLetterAndASlowReply() {
        try (BrowserSession session = SiteContexts.desktop(browser)) {
            List<Finding> findings = new MessageListCheck(ConsultationRules.standard(), MessageRules.standard(),
                    WorkingDayCalendar.standard()).run(SiteContexts.of(site("/zmhd/ask.html"), browser, session,
                    dir.resolve("run"), Clock.systemUTC()));
            assertThat(findings).extracting(Finding::kind).contains("interaction.unanswered-90-days",
                    "interaction.slow-reply").doesNotContain("interaction.no-reply-2-months");
        }
    }
}
