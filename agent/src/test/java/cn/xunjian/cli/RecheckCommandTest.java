package cn.xunjian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.recheck.Outcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xunjian recheck} on bad input: exit 2 and a Chinese message naming the file and the field (no browser). */
class RecheckCommandTest {
    private static final String ID = "0123456789abcdef";
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path site;
    private Path runDir;

    @BeforeEach
    void files() throws IOException {
        site = dir.resolve("site.json");
        Files.writeString(site, "{\"name\": \"白沙乡人民政府\", \"url\": \"http://127.0.0.1:9/flawed/index.html\"}",
                StandardCharsets.UTF_8);
        runDir = Files.createDirectory(dir.resolve("run"));
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private void report(String sitesJson) throws IOException {
        Files.writeString(runDir.resolve("report.json"), "{\"sites\": " + sitesJson + "}", StandardCharsets.UTF_8);
    }

    @Test
    void aRunDirectoryWithoutReportJsonExitsTwoNamingIt() {
        assertThat(run("recheck", site.toString(), runDir.toString(), ID)).isEqualTo(2);
        assertThat(err.toString()).startsWith("配置错误：").contains("中没有 report.json");
    }

    @Test
    void aRunDirectoryThatDoesNotExistExitsTwo() {
        assertThat(run("recheck", site.toString(), dir.resolve("nowhere").toString(), ID)).isEqualTo(2);
        assertThat(err.toString()).startsWith("配置错误：原巡检目录").contains("不存在");
    }

    @Test
    void aFindingIdThatIsNotAnIdExitsTwoBeforeReadingAnything() throws IOException {
        report("[]");
        assertThat(run("recheck", site.toString(), runDir.toString(), "../../etc")).isEqualTo(2);
        assertThat(err.toString()).contains("问题编号“../../etc”格式不对").contains("findings 的 id");
    }

    @Test
    void aSiteTheRunDidNotAuditExitsTwoNamingTheFieldUrl() throws IOException {
        report("[{\"url\": \"http://127.0.0.1:9/other/\", \"findings\": []}]");
        assertThat(run("recheck", site.toString(), runDir.toString(), ID)).isEqualTo(2);
        assertThat(err.toString()).contains("report.json：sites 中没有网址为 http://127.0.0.1:9/flawed/index.html 的站点（字段 url）");
    }

    @Test
    void aFindingIdTheSiteDoesNotHaveExitsTwoNamingFindings() throws IOException {
        report("[{\"url\": \"http://127.0.0.1:9/flawed/index.html\", \"findings\": [{\"id\": \"fedcba9876543210\","
                + " \"kind\": \"footer.icp.missing\"}]}]");
        assertThat(run("recheck", site.toString(), runDir.toString(), ID)).isEqualTo(2);
        assertThat(err.toString()).contains("的 findings 中没有 id 为 " + ID + " 的问题");
        assertThat(runDir.resolve("rechecks")).doesNotExist();
    }

    @Test
    void aBrokenSiteFileExitsTwoNamingItsField() throws IOException {
        Files.writeString(site, "{\"name\": \"白沙乡人民政府\", \"url\": \"http://127.0.0.1:9/\", \"colour\": 1}",
                StandardCharsets.UTF_8);
        assertThat(run("recheck", site.toString(), runDir.toString(), ID)).isEqualTo(2);
        assertThat(err.toString()).startsWith("配置错误：").contains("site.json").contains("colour");
    }

    @Test
    void goneExitsZeroPresentOneAndUndeterminedThree() {
        assertThat(RecheckCommand.exitCode(Outcome.GONE)).isZero();
        assertThat(RecheckCommand.exitCode(Outcome.PRESENT)).isEqualTo(1);
        assertThat(RecheckCommand.exitCode(Outcome.UNDETERMINED)).isEqualTo(3);
    }
}
