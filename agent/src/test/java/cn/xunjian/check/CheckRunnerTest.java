package cn.xunjian.check;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.CheckResult;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.StaticAuditPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckRunnerTest {
    @TempDir
    Path dir;

    private static HomePageCheck check(String name, ThrowingRun run) {
        return new HomePageCheck() {
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
    void aThrowingCheckBecomesAnErroredOutcomeWithEvidenceAndTheNextCheckStillRuns() throws Exception {
        Finding found = new Finding("W-D2", "footer.icp.missing", Severity.DEDUCT, "u", "缺少", List.of());
        Finding info = new Finding("W-D2", "footer.qr", Severity.INFO, "u", "页脚二维码", List.of());
        var ctx = CheckFixtures.context(dir, SiteFile.of("x", "http://127.0.0.1/"),
                new StaticAuditPage("http://127.0.0.1/", "<html><body>首页</body></html>"));
        CheckRunner runner = new CheckRunner();
        List<CheckRunner.Ran> ran = List.of(
                runner.run(check("broken", () -> {
                    throw new IllegalStateException("坏了");
                }), ctx),
                runner.run(check("clean", () -> List.of(info)), ctx),
                runner.run(check("footer", () -> List.of(found)), ctx));

        CheckResult errored = ran.get(0).result();
        assertThat(errored.outcome()).isEqualTo(CheckResult.Outcome.ERRORED);
        assertThat(errored.error()).contains("坏了");
        assertThat(errored.evidence()).extracting(e -> e.type()).containsExactly("screenshot", "html");
        assertThat(Files.readString(dir.resolve(errored.evidence().get(1).path()))).contains("首页");
        assertThat(ran.get(0).findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("broken.errored");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("坏了");
            assertThat(f.evidence()).isEqualTo(errored.evidence());
        });
        assertThat(ran.get(1).result()).isEqualTo(CheckResult.passed("clean"));
        assertThat(ran.get(1).findings()).containsExactly(info);
        assertThat(ran.get(2).result()).isEqualTo(CheckResult.failed("footer"));
        assertThat(ran.get(2).findings()).containsExactly(found);
    }

    @Test
    void everyCheckDeclaresItsScopeByItsKind() {
        assertThat(check("home", List::of).scope()).isEqualTo(Scope.HOME_PAGE);
        PageCheck page = new PageCheck() {
            @Override
            public String name() {
                return "p";
            }

            @Override
            public String indicator() {
                return "W-D5";
            }

            @Override
            public List<Finding> check(cn.xunjian.model.SitePage p, PageContext context) {
                return List.of();
            }
        };
        assertThat(page.scope()).isEqualTo(Scope.EVERY_PAGE);
    }
}
