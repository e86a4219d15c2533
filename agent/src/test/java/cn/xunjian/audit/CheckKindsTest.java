package cn.xunjian.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.check.Check;
import cn.xunjian.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CheckKindsTest {
    private final CheckKinds kinds = CheckKinds.standard();

    private static JsonNode golden() throws IOException {
        try (InputStream in = CheckKindsTest.class.getResourceAsStream("/golden/fixture-report.json")) {
            return Json.mapper().readTree(in);
        }
    }

    @Test
    void everyKindInTheGoldenReportMapsToExactlyOneCheck() throws IOException {
        TreeSet<String> seen = new TreeSet<>();
        golden().get("sites").forEach(s -> s.get("findings").forEach(f -> seen.add(f.get("kind").asText())));
        assertThat(seen).hasSizeGreaterThan(10);
        for (String kind : seen) {
            assertThat(kinds.producers(kind)).as(kind).hasSize(1);
        }
    }

    @Test
    void everyCheckNamedInTheGoldenReportAndEveryRegisteredCheckDeclaresItsKinds() throws IOException {
        List<String> named = new ArrayList<>();
        golden().get("sites").forEach(s -> s.get("checks").forEach(c -> named.add(c.get("check").asText())));
        CheckRegistry.standard(AuditServices.standalone()).stream().map(Check::name).forEach(named::add);
        assertThat(kinds.names()).containsAll(named);
    }

    @Test
    void aKindTheCodeWritesOutMapsToTheCheckThatWritesIt() {
        Map<String, String> written = Map.ofEntries(
                Map.entry("footer.icp.missing", "footer"), Map.entry("meta.missing", "footer"),
                Map.entry("link.broken.home", "link"), Map.entry("link.broken", "crawl"),
                Map.entry("link.fragment", "crawl"), Map.entry("darklink.hidden", "darklink"),
                Map.entry("darklink.after-end", "darklink-source-tail"), Map.entry("home.stale", "column"),
                Map.entry("column.blank.veto", "column"), Map.entry("hijack.outlink", "hijack"),
                Map.entry("interaction.slow-reply", "messages"),
                Map.entry("interaction.consultation.captcha", "consultation"),
                Map.entry("attachment.unreadable", "attachments"), Map.entry("webview.blank", "webview"),
                Map.entry("newmedia.stale-2w", "newmedia"), Map.entry("scenario.failed", "scenario"),
                Map.entry("availability.failed", "availability"), Map.entry("audit.incomplete", "audit"),
                Map.entry("search.useless", "search"));
        written.forEach((kind, check) -> assertThat(kinds.producers(kind)).as(kind).containsExactly(check));
    }

    @Test
    void anErroredFindingBelongsToTheCheckThatFailedEvenWhenANeighbourSharesItsPrefix() {
        assertThat(kinds.producers("darklink-source-tail.errored")).containsExactly("darklink-source-tail");
        assertThat(kinds.producers("darklink.errored")).containsExactly("darklink");
        assertThat(kinds.producers("crawl.errored")).containsExactly("crawl");
    }

    @Test
    void theSharedKindsAreWordingAndPrivacyInAttachmentsAndTheNotesOnUnverifiedLinks() {
        assertThat(kinds.producers("wording.serious")).containsExactly("wording", "attachments");
        assertThat(kinds.producers("privacy.mobile")).containsExactly("privacy", "attachments");
        assertThat(kinds.producers("link.unreachable")).containsExactly("crawl", "link");
        assertThat(kinds.producers("no.such-kind")).isEmpty();
    }
}
