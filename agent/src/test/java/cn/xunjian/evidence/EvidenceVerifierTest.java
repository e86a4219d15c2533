package cn.xunjian.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceVerifierTest {
    @TempDir
    Path run;
    @TempDir
    Path keys;

    @BeforeEach
    void sealARun() throws Exception {
        try (DemoTimestampAuthority tsa = DemoTimestampAuthority.start(SealedRun.CLOCK)) {
            SealedRun.write(run, keys, KeyAlgorithm.ED25519, tsa.config());
        }
    }

    private EvidenceVerifier.Verification verify() {
        return new EvidenceVerifier(keys.resolve(SigningKeys.KEY_FILE), null).verify(run);
    }

    private static List<String> messages(EvidenceVerifier.Verification v) {
        return v.problems().stream().map(VerificationStep.Problem::message).toList();
    }

    private void flipOneByte(String rel) throws Exception {
        Path file = run.resolve(rel);
        byte[] b = Files.readAllBytes(file);
        b[b.length / 2] ^= 0x01;
        Files.write(file, b);
    }

    @Test
    void anUntouchedRunPassesAndSaysWhoSignedAndWhenItWasStamped() {
        EvidenceVerifier.Verification v = verify();
        assertThat(messages(v)).isEmpty();
        List<String> facts = v.reports().stream().flatMap(r -> r.facts().stream()).toList();
        assertThat(facts).anyMatch(f -> f.startsWith("签名者：CN=巡检证据签名 "));
        assertThat(facts).anyMatch(f -> f.startsWith("盖时间戳：2026-11-22T02:00:00+08:00") && f.contains("演示用，不具法律效力"));
        assertThat(facts).anyMatch(f -> f.contains("仅属主可读写"));
        assertThat(v.reports()).extracting(VerificationStep.Report::title)
                .contains("文件哈希（manifest.json）", "清单签名（evidence-manifest.json）",
                        "可信时间戳（evidence-manifest.json）");
    }

    @Test
    void oneChangedByteOfAScreenshotIsNamed() throws Exception {
        flipOneByte(SealedRun.SCREENSHOT);
        EvidenceVerifier.Verification v = verify();
        assertThat(v.passed()).isFalse();
        assertThat(v.problems()).extracting(VerificationStep.Problem::file).containsOnly(SealedRun.SCREENSHOT);
        assertThat(messages(v)).allMatch(m -> m.startsWith("已改动：" + SealedRun.SCREENSHOT));
    }

    @Test
    void oneChangedByteOfTheManifestIsNamedAsAChangeAfterSigning() throws Exception {
        Path manifest = run.resolve("manifest.json");
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        Files.writeString(manifest, text.replace("\"agent\" : \"xunjian\"", "\"agent\" : \"xunjiaN\""),
                StandardCharsets.UTF_8);
        List<String> m = messages(verify());
        assertThat(m).contains("manifest.json 在签名后被改动：其摘要与签名 manifest.p7s 中记录的不符");
        assertThat(m).anyMatch(s -> s.startsWith("时间戳 manifest.tsr 所盖的哈希 ") && s.contains("不是 manifest.json 的哈希"));
    }

    @Test
    void oneChangedByteOfTheSignatureIsNamed() throws Exception {
        flipOneByte("manifest.p7s");
        EvidenceVerifier.Verification v = verify();
        assertThat(v.problems()).isNotEmpty().extracting(VerificationStep.Problem::file).containsOnly("manifest.p7s");
        assertThat(messages(v)).allMatch(s -> s.contains("manifest.p7s"));
    }

    @Test
    void oneChangedByteOfTheTimestampTokenIsNamed() throws Exception {
        flipOneByte("manifest.tsr");
        EvidenceVerifier.Verification v = verify();
        assertThat(v.problems()).isNotEmpty().extracting(VerificationStep.Problem::file).containsOnly("manifest.tsr");
        assertThat(messages(v)).allMatch(s -> s.startsWith("时间戳 manifest.tsr "));
    }

    @Test
    void everyOneByteChangeOfTheSignatureOrTheTokenIsCaughtAndNamed() throws Exception {
        for (String rel : List.of("manifest.p7s", "manifest.tsr")) {
            Path file = run.resolve(rel);
            byte[] original = Files.readAllBytes(file);
            for (int i = 0; i < original.length; i++) {
                byte[] changed = original.clone();
                changed[i] ^= 0x01;
                Files.write(file, changed);
                VerificationStep step = rel.endsWith(".p7s") ? new SignatureStep("manifest.json")
                        : new TimestampStep("manifest.json", null);
                assertThat(step.check(run).problems()).as(rel + " byte " + i).isNotEmpty()
                        .extracting(VerificationStep.Problem::file).contains(rel);
            }
            Files.write(file, original);
        }
        assertThat(verify().passed()).isTrue();
    }

    @Test
    void aTokenOverAnotherHashIsNamed() throws Exception {
        Files.copy(run.resolve("evidence-manifest.tsr"), run.resolve("manifest.tsr"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> m = messages(verify());
        assertThat(m).hasSize(1);
        assertThat(m.get(0)).startsWith("时间戳 manifest.tsr 所盖的哈希 ").contains("不是 manifest.json 的哈希");
    }

    @Test
    void aMissingEvidenceFileIsNamedInBothManifests() throws Exception {
        Files.delete(run.resolve(SealedRun.SCREENSHOT));
        assertThat(messages(verify())).containsExactly(
                "已缺失：site-01/001-home.png（manifest.json 中有记录）",
                "已缺失：site-01/001-home.png（evidence-manifest.json 中有记录）");
    }

    @Test
    void aDeletedSignatureOrTokenIsMissingNotAbsent() throws Exception {
        Files.delete(run.resolve("manifest.p7s"));
        Files.delete(run.resolve("manifest.tsr"));
        assertThat(messages(verify())).containsExactly("签名文件 manifest.p7s 缺失（manifest.json 声明有签名）",
                "时间戳文件 manifest.tsr 缺失（manifest.json 声明有时间戳）");
    }

    @Test
    void aSigningKeyOthersCanReadIsNamed() throws Exception {
        Path keyFile = keys.resolve(SigningKeys.KEY_FILE);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r-----"));
        EvidenceVerifier.Verification v = verify();
        assertThat(v.problems()).extracting(VerificationStep.Problem::file).containsExactly(keyFile.toString());
        assertThat(messages(v).get(0)).contains(keyFile.toString()).contains("rw-r-----");
    }

    @Test
    void aTsaCertificateThatDidNotIssueTheTokenIsNamed() throws Exception {
        try (DemoTimestampAuthority other = DemoTimestampAuthority.start(SealedRun.CLOCK)) {
            Files.writeString(run.resolve("tsa.pem"), other.certificatePem(), StandardCharsets.US_ASCII);
        }
        List<String> m = messages(verify());
        assertThat(m).anyMatch(s -> s.startsWith("已改动：tsa.pem（SHA-256 为 "));
        assertThat(m).contains("时间戳 manifest.tsr 的签发者不是 tsa.pem 中的证书，也不由它签发",
                "时间戳 evidence-manifest.tsr 的签发者不是 tsa.pem 中的证书，也不由它签发");
    }

    @Test
    void aTsaThatCannotBeReachedIsRecordedAndTheRunIsStillSigned() throws Exception {
        Path other = run.resolve("unstamped");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SealOutcome outcome = SealedRun.write(other, keys, KeyAlgorithm.ED25519,
                TsaConfig.of("http://127.0.0.1:" + port + "/tsa"));
        assertThat(outcome.signed()).isTrue();
        assertThat(outcome.stamped()).isFalse();
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.notStamped()).startsWith("时间戳服务 http://127.0.0.1:" + port + "/tsa 无法访问");
        EvidenceVerifier.Verification v = new EvidenceVerifier(keys.resolve(SigningKeys.KEY_FILE), null).verify(other);
        assertThat(messages(v)).isEmpty();
        assertThat(v.reports().stream().flatMap(r -> r.facts().stream()))
                .anyMatch(f -> f.startsWith("未加盖时间戳：时间戳服务 http://127.0.0.1:" + port));
    }
}
