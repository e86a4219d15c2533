package cn.xunjian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --circular FILE} on audit and demo: a broken settings file stops the command before anything runs. */
class CircularOptionTest {
    @TempDir
    Path dir;

    @Test
    void aBrokenCircularFileExitsTwoNamingFileFieldAndLineOnAuditAndDemo() throws Exception {
        Path site = dir.resolve("site.json");
        Files.writeString(site, "{ \"name\": \"临江县人民政府\", \"url\": \"http://127.0.0.1:9/\" }", StandardCharsets.UTF_8);
        Path bad = dir.resolve("circular.json");
        Files.writeString(bad, "{\n  \"issuer\": \"临江县人民政府办公室\",\n  \"deadlineDays\": 0\n}\n", StandardCharsets.UTF_8);
        for (String[] args : new String[][] {
                {"audit", site.toString(), "--loopback-only", "--circular", bad.toString()},
                {"demo", "--circular", bad.toString()}}) {
            StringWriter err = new StringWriter();
            int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertThat(code).as(args[0]).isEqualTo(2);
            assertThat(err.toString()).contains(bad.toString()).contains("第 3 行").contains("deadlineDays")
                    .doesNotContain("Exception");
        }
    }
}
