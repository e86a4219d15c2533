package cn.xunjian.check;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.StaticAuditPage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckRunnerTest {
    @TempDir
    Path dir;

    private static Check check(String name, ThrowingRun run) {
        return new Check() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String indicator() {
                return "W-D2";
            }

            @Override
            public List<Finding> run(CheckContext context) throws Exception {
                return run.run();
            }
        };
    }

    interface ThrowingRun {
        List<Finding> run() throws Exception;
    }

    @Test
    void aThrowingCheckBecomesAnErroredOutcomeAndTheNextCheckStillRuns() throws Exception {
        Finding found = new Finding("W-D2", "footer.icp.missing", Severity.DEDUCT, "u", "缺少", List.of());
        var ctx = CheckFixtures.context(dir, SiteFile.of("x", "http://127.0.0.1/"),
                new StaticAuditPage("http://127.0.0.1/", "<html></html>"));
        List<CheckOutcome> outcomes = new CheckRunner().run(List.of(
                check("broken", () -> {
                    throw new IllegalStateException("坏了");
                }),
                check("clean", List::of),
                check("footer", () -> List.of(found))), ctx);
        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(0)).isInstanceOf(CheckOutcome.Errored.class);
        assertThat(outcomes.get(0).findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("broken.errored");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("坏了");
        });
        assertThat(outcomes.get(1)).isInstanceOf(CheckOutcome.Passed.class);
        assertThat(outcomes.get(2)).isEqualTo(new CheckOutcome.Failed("footer", List.of(found)));
    }
}
