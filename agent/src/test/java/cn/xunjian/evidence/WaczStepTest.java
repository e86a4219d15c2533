package cn.xunjian.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.testing.WaczFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify's step for the web archives a run lists: their inside, not only their hash. */
class WaczStepTest {
    @TempDir
    Path run;

    @BeforeEach
    void archive() throws IOException {
        WaczFixtures.archivedRun(run);
    }

    @Test
    void anIntactArchiveIsSaidToBeIntact() {
        VerificationStep.Report r = new WaczStep().check(run);
        assertThat(r.problems()).isEmpty();
        assertThat(r.facts()).containsExactly(WaczFixtures.WACZ + "：结构与内部摘要完好");
    }

    @Test
    void aChangedWarcRecordIsNamedWithItsArchive() throws IOException {
        WaczFixtures.tamperWithRecord(run.resolve(WaczFixtures.WACZ), WaczFixtures.HOME);
        VerificationStep.Report r = new WaczStep().check(run);
        assertThat(r.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo(WaczFixtures.WACZ));
        assertThat(r.problems()).extracting(VerificationStep.Problem::message)
                .anyMatch(m -> m.contains(WaczFixtures.HOME + " 的 WARC 记录"));
    }

    @Test
    void aTruncatedArchiveIsNamedWithoutAnException() throws IOException {
        Path wacz = run.resolve(WaczFixtures.WACZ);
        byte[] bytes = Files.readAllBytes(wacz);
        Files.write(wacz, Arrays.copyOf(bytes, bytes.length - 100));
        assertThat(new WaczStep().check(run).problems()).extracting(VerificationStep.Problem::message)
                .anyMatch(m -> m.contains("不完整或已损坏"));
    }

    @Test
    void everyVerificationIncludesTheArchives() throws IOException {
        WaczFixtures.tamperWithRecord(run.resolve(WaczFixtures.WACZ), WaczFixtures.HOME);
        EvidenceVerifier.Verification v = new EvidenceVerifier(run.resolve("no-key.pem"), null).verify(run);
        assertThat(v.reports()).extracting(VerificationStep.Report::title).contains("网页存档（WACZ）结构与内部摘要");
        assertThat(v.problems()).anyMatch(p -> p.file().equals(WaczFixtures.WACZ) && p.message().contains("WARC 记录"));
    }
}
