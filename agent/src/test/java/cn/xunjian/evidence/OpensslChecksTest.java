package cn.xunjian.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a sealed run holds is checked by openssl as well, the outside tool an office or a court may use. */
class OpensslChecksTest {
    @TempDir
    Path run;
    @TempDir
    Path keys;

    @Test
    void opensslTsVerifyAcceptsTheTokenOfTheManifestFromTheDemonstrationTsa() throws Exception {
        try (DemoTimestampAuthority tsa = DemoTimestampAuthority.start(SealedRun.CLOCK)) {
            SealedRun.write(run, keys, KeyAlgorithm.ED25519, tsa.config());
        }
        for (String base : List.of("manifest", "evidence-manifest")) {
            Result r = openssl("ts", "-verify", "-data", base + ".json", "-in", base + ".tsr", "-CAfile", "tsa.pem");
            assertThat(r.exit()).as(r.output()).isZero();
            assertThat(r.output()).contains("Verification: OK");
        }
    }

    @Test
    void opensslTsVerifyRefusesTheTokenForAnotherFile() throws Exception {
        try (DemoTimestampAuthority tsa = DemoTimestampAuthority.start(SealedRun.CLOCK)) {
            SealedRun.write(run, keys, KeyAlgorithm.ED25519, tsa.config());
        }
        Result r = openssl("ts", "-verify", "-data", "evidence-manifest.json", "-in", "manifest.tsr", "-CAfile",
                "tsa.pem");
        assertThat(r.exit()).as(r.output()).isNotZero();
    }

    /**
     * P-256 only: OpenSSL's CMS cannot verify Ed25519 SignerInfos (openssl/openssl#11915, #32248, still open in 3.6),
     * so an office that wants to check signatures with openssl chooses {@code p256}.
     */
    @Test
    void opensslCmsVerifyAcceptsTheP256SignatureOfTheManifestAndRefusesAChangedManifest() throws Exception {
        for (KeyAlgorithm algorithm : List.of(KeyAlgorithm.P256)) {
            Path dir = run.resolve(algorithm.configName());
            SealedRun.write(dir, keys.resolve(algorithm.configName()), algorithm, null);
            Result r = openssl(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.p7s", "-content",
                    "manifest.json", "-CAfile", "signer.pem", "-purpose", "any", "-out", "/dev/null");
            assertThat(r.exit()).as(algorithm + ": " + r.output()).isZero();
            assertThat(r.output()).contains("Verification successful");
            Files.writeString(dir.resolve("manifest.json"), Files.readString(dir.resolve("manifest.json")) + " ");
            Result tampered = openssl(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.p7s",
                    "-content", "manifest.json", "-CAfile", "signer.pem", "-purpose", "any", "-out", "/dev/null");
            assertThat(tampered.exit()).as(algorithm + " tampered").isNotZero();
        }
    }

    record Result(int exit, String output) {
    }

    private Result openssl(String... args) throws IOException, InterruptedException {
        return openssl(run, args);
    }

    private static Result openssl(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
