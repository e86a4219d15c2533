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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xunjian keys}: the signing key shown and rotated, and a run the old key signed still verifying. */
class KeysCommandTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T18:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path keys;
    @TempDir
    Path run;

    private String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    private static String keyId(String said) {
        Matcher m = Pattern.compile("签名密钥：([0-9a-f]{16})").matcher(said);
        assertThat(m.find()).as(said).isTrue();
        return m.group(1);
    }

    @Test
    void aRotatedKeyIsRetiredAndTheRunsItSignedStillVerify() throws Exception {
        String before = keyId(run("keys", "show", "--key-dir=" + keys));
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

        String rotated = run("keys", "rotate", "--key-dir=" + keys, "--key-algorithm=p256");
        String after = keyId(rotated);
        assertThat(after).isNotEqualTo(before);
        assertThat(Files.exists(keys.resolve("retired").resolve(before + ".pem"))).isTrue();
        assertThat(run("keys", "show", "--key-dir=" + keys)).contains(after).contains("已停用：" + before + ".pem");

        String verified = run("verify", run.toString(), "--key=" + keys.resolve(SigningKeys.KEY_FILE));
        assertThat(verified).contains(before).contains("结论：核验通过");
    }

    @Test
    void anUnknownAlgorithmIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"keys", "rotate", "--key-dir=" + keys, "--key-algorithm=rsa"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("不受支持");
    }
}
