package cn.xunjian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.testing.WaczFixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xunjian verify} on a run with a web archive: it checks the archive's inside as well as its hash. */
class VerifyCommandTest {
    @TempDir
    Path run;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void archive() throws IOException {
        WaczFixtures.archivedRun(run);
    }

    private int verify() {
        return Main.run(new String[] {"verify", run.toString()}, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void aRunWithAnIntactWebArchivePasses() {
        assertThat(verify()).isEqualTo(0);
        assertThat(out.toString()).contains("校验通过：1 个文件与清单一致");
    }

    @Test
    void aWarcRecordChangedInsideTheArchiveFailsWithTheArchiveAndTheRecordNamed() throws IOException {
        WaczFixtures.tamperWithRecord(run.resolve(WaczFixtures.WACZ), WaczFixtures.HOME);

        assertThat(verify()).isEqualTo(1);
        assertThat(out.toString()).contains("已改动：site-01/archive.wacz")
                .contains("存档有误：网页存档 site-01/archive.wacz 中的 archive/data.warc.gz 已被改动：哈希与 datapackage.json 不符")
                .contains("存档有误：网页存档 site-01/archive.wacz 中 " + WaczFixtures.HOME + " 的 WARC 记录")
                .contains("校验失败：1 个文件被改动，0 个文件缺失，网页存档有 ");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aTruncatedArchiveIsNamedWithoutAStackTrace() throws IOException {
        Path wacz = run.resolve(WaczFixtures.WACZ);
        byte[] bytes = Files.readAllBytes(wacz);
        Files.write(wacz, Arrays.copyOf(bytes, bytes.length - 100));

        assertThat(verify()).isEqualTo(1);
        assertThat(out.toString()).contains("存档有误：网页存档 site-01/archive.wacz 不完整或已损坏，无法作为 zip 文件读取")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(err.toString()).isEmpty();
    }
}
