package cn.xunjian.recheck;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.audit.AuditServices;
import cn.xunjian.audit.AuditSettings;
import cn.xunjian.evidence.ManifestVerifier;
import cn.xunjian.internal.Json;
import cn.xunjian.model.Severity;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.site.SiteFile;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-checks that are undetermined before any browser or request is needed. */
class RecheckTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T02:30:00Z"), ZoneOffset.UTC);
    private static final SiteFile SITE = new SiteFile("白沙乡人民政府", "3301850202", "http://127.0.0.1:9/flawed/index.html",
            "township", null, null, null, null);

    @TempDir
    Path run;

    private final Recheck recheck = new Recheck(AuditSettings.standard(NetworkScope.LOOPBACK_ONLY), CLOCK,
            image -> "", image -> List.of(), AuditServices.standalone());

    private static FindingRef finding(String kind) {
        return new FindingRef("0123456789abcdef", "W-V2", kind, Severity.INFO, SITE.url(), "首页未能打开，其余检查未执行", "");
    }

    @Test
    void aKindNoCheckDeclaresIsUndeterminedAndTheAnswerIsStillRecordedAndHashed() throws Exception {
        RecheckResult result = recheck.run(SITE, finding("no.such-kind"), run);
        assertThat(result.outcome()).isEqualTo(Outcome.UNDETERMINED);
        assertThat(result.reason()).contains("不认识的问题类型“no.such-kind”");
        assertThat(result.evidenceDir()).isEqualTo(run.resolve("rechecks/0123456789abcdef/20261128T023000Z"));
        assertThat(new ManifestVerifier().verify(result.evidenceDir()).checked()).isEqualTo(1);
        JsonNode record = Json.mapper().readTree(result.evidenceDir().resolve(Recheck.FILE).toFile());
        assertThat(record.get("outcome").asText()).isEqualTo("undetermined");
        assertThat(record.get("finding").get("kind").asText()).isEqualTo("no.such-kind");
        assertThat(record.get("checkedAt").asText()).isEqualTo("2026-11-28T10:30:00+08:00");
    }

    @Test
    void aNoteOfTheAuditItselfCannotBeRecheckedOnItsOwnAndIsUndeterminedNeverGone() throws Exception {
        RecheckResult result = recheck.run(SITE, finding("audit.incomplete"), run);
        assertThat(result.outcome()).isEqualTo(Outcome.UNDETERMINED);
        assertThat(result.reason()).contains("不能单独复验").contains("请重新巡检");
        assertThat(result.freshFindings()).isEmpty();
    }

    @Test
    void aSharedNoteOnUnverifiedLinksGoesToTheCrawlAndIsUndetermined() throws Exception {
        RecheckResult result = recheck.run(SITE, finding("link.unreachable"), run);
        assertThat(result.outcome()).isEqualTo(Outcome.UNDETERMINED);
        assertThat(result.reason()).contains("“crawl”类问题");
    }

    @Test
    void everyRecheckOfTheSameFindingGetsADirectoryOfItsOwn() throws Exception {
        Path first = recheck.run(SITE, finding("no.such-kind"), run).evidenceDir();
        Path second = recheck.run(SITE, finding("no.such-kind"), run).evidenceDir();
        assertThat(second).isNotEqualTo(first).hasFileName("20261128T023000Z-2");
        assertThat(Files.list(first.getParent())).hasSize(2);
    }

    @Test
    void aFindingIdOfAnotherShapeIsRefusedBeforeAnyPathIsBuiltFromIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FindingRef.fromRun(run, SITE, "../x"))
                .isInstanceOf(RecheckInputException.class).hasMessageContaining("格式不对");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FindingRef("../../etc", "W-V2", "footer.icp.missing",
                Severity.DEDUCT, SITE.url(), "", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
