package cn.xunjian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xunjian.alert.AlertDefaults;
import cn.xunjian.audit.AuditLimits;
import cn.xunjian.check.FooterMarkRules;
import cn.xunjian.column.ColumnRules;
import cn.xunjian.crawl.CrawlLimits;
import cn.xunjian.darklink.HiddenLinkRules;
import cn.xunjian.darklink.HijackRules;
import cn.xunjian.darklink.SpamKeywords;
import cn.xunjian.history.WeeklyRules;
import cn.xunjian.mobile.WebViewRules;
import cn.xunjian.newmedia.NewMediaRules;
import cn.xunjian.report.CircularTemplate;
import cn.xunjian.scenario.EngineSettings;
import cn.xunjian.scenario.interact.ConsultationRules;
import cn.xunjian.scenario.interact.MessageRules;
import cn.xunjian.scenario.interact.WorkingDayCalendar;
import cn.xunjian.score.IndicatorCatalogue;
import cn.xunjian.search.SearchRules;
import cn.xunjian.text.AttachmentRules;
import cn.xunjian.text.PrivacyRules;
import cn.xunjian.text.WordingAllowList;
import cn.xunjian.text.WordingRules;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RuleFilesTest {
    /**
     * Every JSON rule file of the agent and how it is read. Two are bound to types their packages keep to themselves
     * ({@code Soft404Detector.Rules}, {@code ScheduleJson}); here they go through the loader as trees, and
     * {@code Soft404DetectorTest} and the schedule tests read them as their packages do.
     */
    private static final Map<String, Supplier<?>> RULE_FILES = Map.ofEntries(
            Map.entry("cn/xunjian/alert/alert-defaults.json", AlertDefaults::standard),
            Map.entry("cn/xunjian/audit/audit-limits.json", AuditLimits::standard),
            Map.entry("cn/xunjian/audit/check-kinds.json", cn.xunjian.audit.CheckKinds::standard),
            Map.entry("cn/xunjian/browser/page-load.json", cn.xunjian.browser.BrowserSession::hangAfter),
            Map.entry("cn/xunjian/check/footer-marks.json", FooterMarkRules::standard),
            Map.entry("cn/xunjian/column/column-rules.json", ColumnRules::standard),
            Map.entry("cn/xunjian/cli/phase-labels.json", cn.xunjian.cli.TimingLine::standard),
            Map.entry("cn/xunjian/console/account/security.json", cn.xunjian.console.account.SecurityRules::standard),
            Map.entry("cn/xunjian/console/review/uploads.json", cn.xunjian.console.review.UploadRules::standard),
            Map.entry("cn/xunjian/console/openapi.json", () -> RuleFiles.load(Json.class,
                    "/cn/xunjian/console/openapi.json", JsonNode.class)),
            Map.entry("cn/xunjian/crawl/crawl.json", CrawlLimits::defaults),
            Map.entry("cn/xunjian/crawl/soft404.json", () -> RuleFiles.load(CrawlLimits.class, "soft404.json",
                    JsonNode.class)),
            Map.entry("cn/xunjian/darklink/benign-ui.json", cn.xunjian.darklink.BenignUi::standard),
            Map.entry("cn/xunjian/evidence/archive.json", cn.xunjian.evidence.ArchiveLimits::standard),
            Map.entry("cn/xunjian/darklink/hidden-links.json", HiddenLinkRules::standard),
            Map.entry("cn/xunjian/darklink/hijack.json", HijackRules::standard),
            Map.entry("cn/xunjian/darklink/spam-keywords.json", SpamKeywords::standard),
            Map.entry("cn/xunjian/history/weekly-availability.json", WeeklyRules::standard),
            Map.entry("cn/xunjian/mobile/webview.json", WebViewRules::standard),
            Map.entry("cn/xunjian/net/http.json", () -> {
                try (var stack = cn.xunjian.net.HttpStack.of(cn.xunjian.net.NetworkScope.LOOPBACK_ONLY)) {
                    return stack; // building a stack reads and checks http.json
                }
            }),
            Map.entry("cn/xunjian/net/challenges.json", cn.xunjian.net.ChallengeMarkers::standard),
            Map.entry("cn/xunjian/net/reachability.json", cn.xunjian.net.Reachability::probeUrls),
            Map.entry("cn/xunjian/newmedia/newmedia.json", NewMediaRules::standard),
            Map.entry("cn/xunjian/report/circular.json", CircularTemplate::standard),
            Map.entry("cn/xunjian/report/circular-settings.json", cn.xunjian.report.CircularSettings::standard),
            Map.entry("cn/xunjian/report/document-fonts.json", cn.xunjian.report.DocumentFonts::standard),
            Map.entry("cn/xunjian/report/problem-lines.json", cn.xunjian.report.ProblemPhrases::standard),
            Map.entry("cn/xunjian/scenario/engine.json", EngineSettings::standard),
            Map.entry("cn/xunjian/scenario/interact/consultation.json", ConsultationRules::standard),
            Map.entry("cn/xunjian/scenario/interact/holidays.json", WorkingDayCalendar::standard),
            Map.entry("cn/xunjian/scenario/interact/messages.json", MessageRules::standard),
            Map.entry("cn/xunjian/schedule/defaults.json", () -> RuleFiles.load(Json.class,
                    "/cn/xunjian/schedule/defaults.json", JsonNode.class)),
            Map.entry("cn/xunjian/score/indicators.json", IndicatorCatalogue::standard),
            Map.entry("cn/xunjian/search/search.json", SearchRules::standard),
            Map.entry("cn/xunjian/text/attachment-rules.json", AttachmentRules::standard),
            Map.entry("cn/xunjian/text/privacy-rules.json", PrivacyRules::standard),
            Map.entry("cn/xunjian/text/wording-allow.json", WordingAllowList::standard),
            Map.entry("cn/xunjian/text/wording-rules.json", WordingRules::standard));

    /** A rule file's shape, for the broken ones beside this test. */
    record Limit(String name, int limit) {
    }

    @Test
    void theListNamesEveryJsonFileTheAgentShipsUnderItsPackages() throws IOException, URISyntaxException {
        Path classes = Path.of(Json.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> shipped;
        try (Stream<Path> files = Files.walk(classes.resolve("cn/xunjian"))) {
            shipped = files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .map(f -> classes.relativize(f).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(shipped).isEqualTo(new TreeSet<>(RULE_FILES.keySet()));
    }

    @Test
    void everyRuleFileInTheJarLoadsThroughTheLoader() {
        RULE_FILES.forEach((name, load) -> assertThat(load.get()).as(name).isNotNull());
    }

    @Test
    void aMissingResourceIsAnErrorThatNamesItWithItsPackage() {
        assertThatThrownBy(() -> RuleFiles.load(RuleFilesTest.class, "nowhere.json", Limit.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cn/xunjian/internal/nowhere.json").hasMessageContaining("missing");
        assertThatThrownBy(() -> RuleFiles.text(RuleFilesTest.class, "/cn/xunjian/nowhere.js"))
                .hasMessageContaining("cn/xunjian/nowhere.js");
    }

    @Test
    void aBrokenRuleFileIsAnErrorThatNamesItAndTheLine() {
        assertThatThrownBy(() -> RuleFiles.load(RuleFilesTest.class, "broken-rules.json", Limit.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cn/xunjian/internal/broken-rules.json").hasMessageContaining("line: 4");
    }

    @Test
    void aRuleFileWithAFieldItsTypeLacksIsAnErrorNamingTheFileAndTheField() {
        assertThatThrownBy(() -> RuleFiles.load(RuleFilesTest.class, "unknown-field-rules.json", Limit.class))
                .hasMessageContaining("cn/xunjian/internal/unknown-field-rules.json").hasMessageContaining("\"extra\"");
    }

    @Test
    void textResourcesAreReadAsUtf8() {
        assertThat(RuleFiles.text(RuleFilesTest.class, "unknown-field-rules.json")).contains("多了一个字段");
    }
}
