package cn.xunjian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages of the command line for bad input (no browser needed). */
class CliTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"audit", "links", "demo", "serve", "status", "verify", "recheck", "user", "user add", "keys", "keys rotate"})
    void helpOnEveryCommandExitsZeroWithChineseHeadings(String command) {
        String[] words = (command + " --help").split(" ");
        assertThat(run(words)).isEqualTo(0);
        assertThat(out.toString()).startsWith("用法：").contains("选项：").contains("显示本帮助并退出")
                .doesNotContain("Usage:").doesNotContain("Show this help");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void helpOfTheWholeToolListsItsCommandsInChinese() {
        assertThat(run("--help")).isEqualTo(0);
        assertThat(out.toString()).startsWith("用法：").contains("命令：").contains("links");
        // every subcommand, although a run naming one builds only that one's model
        for (String name : new String[] {"demo", "audit", "links", "verify", "recheck", "serve", "status", "user",
            "keys"}) {
            assertThat(out.toString()).containsPattern("(?m)^  " + name + " ");
        }
    }

    @Test
    void aMisspelledSubcommandIsAUsageErrorListingTheCommands() {
        assertThat(run("lnks", "http://127.0.0.1/")).isEqualTo(2);
        assertThat(err.toString()).startsWith("用法错误：").contains("lnks").contains("命令：").contains("audit");
    }

    @Test
    void aMissingParameterIsNamedInChinese() {
        assertThat(run("audit")).isEqualTo(2);
        assertThat(err.toString()).startsWith("用法错误：缺少必需的参数 SITE.json").contains("用法：")
                .doesNotContain("Missing required");
    }

    @Test
    void anUnknownOptionIsNamedInChinese() {
        assertThat(run("links", "--bogus", "http://127.0.0.1/")).isEqualTo(2);
        assertThat(err.toString()).startsWith("用法错误：未知的选项：--bogus").doesNotContain("Unknown option");
    }

    @Test
    void anInvalidNumberIsNamedInChinese() {
        assertThat(run("links", "--max-pages", "many", "http://127.0.0.1/")).isEqualTo(2);
        assertThat(err.toString()).startsWith("用法错误：无效的值：").contains("--max-pages");
    }

    @Test
    void aSiteFileWithAnUnknownKeyExitsTwoNamingFileFieldAndLine() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"name\": \"某局\",\n  \"url\": \"http://127.0.0.1/\",\n  \"submit\": true\n}\n",
                StandardCharsets.UTF_8);
        assertThat(run("audit", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("配置错误").contains("bad.json").contains("第 4 行").contains("\"submit\"");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMissingSiteFileExitsTwo() {
        assertThat(run("audit", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing.json").contains("文件不存在");
    }

    @Test
    void noSubcommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("缺少子命令").contains("audit").contains("demo").contains("verify");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("audit", "--bogus", "x.json")).isEqualTo(2);
        assertThat(err.toString()).contains("用法错误");
    }

    @Test
    void verifyingAFolderWithoutAManifestExitsTwo() {
        assertThat(run("verify", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("manifest.json");
    }

    @Test
    void aNonPositiveTimeoutIsAUsageError() throws IOException {
        Path ok = dir.resolve("ok.json");
        Files.writeString(ok, "{\"name\": \"某局\", \"url\": \"http://127.0.0.1:9/\"}", StandardCharsets.UTF_8);
        assertThat(run("audit", ok.toString(), "--timeout", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--timeout");
    }
}
