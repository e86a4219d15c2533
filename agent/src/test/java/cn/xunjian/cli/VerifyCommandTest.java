package cn.xunjian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.evidence.DemoTimestampAuthority;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.KeyAlgorithm;
import cn.xunjian.evidence.ManifestSigner;
import cn.xunjian.evidence.RunSealer;
import cn.xunjian.evidence.SealOutcome;
import cn.xunjian.evidence.SigningKeys;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path run;
    @TempDir
    Path keys;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void sealARun() throws Exception {
        EvidenceStore store = new EvidenceStore(run, CLOCK);
        new SiteEvidence(store, "site-01").screenshot("home", new byte[] {1, 2, 3}, "http://127.0.0.1/");
        try (DemoTimestampAuthority tsa = DemoTimestampAuthority.start(CLOCK);
             HttpStack http = HttpStack.of(NetworkScope.LOOPBACK_ONLY)) {
            RunSealer sealer = new RunSealer(new ManifestSigner(new SigningKeys(keys, CLOCK)
                    .loadOrCreate(KeyAlgorithm.ED25519)), null, tsa.config(), http, wait -> { });
            SealOutcome evidence = sealer.sealEvidence(store);
            store.writeReport("report.json", o -> o.write("{}".getBytes(StandardCharsets.UTF_8)));
            sealer.sealRun(store, evidence);
        }
    }

    private int verify(String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "verify";
        args[1] = run.toString();
        args[2] = "--key=" + keys.resolve(SigningKeys.KEY_FILE);
        System.arraycopy(more, 0, args, 3, more.length);
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void anIntactRunPrintsWhatWasCheckedWhoSignedAndWhenItWasStampedAndExitsZero() {
        assertThat(verify()).isZero();
        assertThat(out.toString()).startsWith("证据核验结果：" + run)
                .contains("✓ 文件哈希（manifest.json）：")
                .contains("签名者：CN=巡检证据签名 ")
                .contains("时间戳：盖时间戳：2026-11-22T02:00:00+08:00，签发者 CN=巡检演示时间戳服务（演示用，不具法律效力）")
                .contains("结论：核验通过");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aChangedScreenshotExitsOneNamingTheFileWithoutAStackTrace() throws Exception {
        Files.write(run.resolve("site-01/001-home.png"), new byte[] {1, 2, 4});
        assertThat(verify()).isEqualTo(1);
        assertThat(out.toString()).contains("✗ 文件哈希（manifest.json）").contains("  - 已改动：site-01/001-home.png")
                .contains("结论：核验未通过").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aGarbledManifestExitsOneNamingIt() throws Exception {
        Files.writeString(run.resolve("manifest.json"), "{ not json", StandardCharsets.UTF_8);
        assertThat(verify()).isEqualTo(1);
        assertThat(out.toString()).contains("清单 manifest.json 已损坏，无法解析").doesNotContain("\tat ");
    }

    @Test
    void aKeyFileOthersCanReadExitsOneNamingTheFile() throws Exception {
        Path key = keys.resolve(SigningKeys.KEY_FILE);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(verify()).isEqualTo(1);
        assertThat(out.toString()).contains("✗ 本机签名私钥权限").contains("签名私钥文件 " + key + " 的权限为 rw-rw-rw-");
    }

    @Test
    void htmlWritesAOnePageVerificationSheet() throws Exception {
        Path sheet = run.resolveSibling(run.getFileName() + "-sheet").resolve("核验单.html");
        assertThat(verify("--html", sheet.toString())).isZero();
        String html = Files.readString(sheet, StandardCharsets.UTF_8);
        assertThat(html).contains("<h1>证据核验单</h1>").contains("巡检证据签名").contains("演示用，不具法律效力")
                .contains("核验通过");
        assertThat(out.toString()).contains("证据核验单：" + sheet);
    }
}
