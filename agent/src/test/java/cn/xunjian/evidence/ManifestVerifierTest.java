package cn.xunjian.evidence;

import cn.xunjian.model.Evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestVerifierTest {
    @TempDir
    Path run;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);

    private EvidenceStore storeWithTwoFiles() {
        EvidenceStore store = new EvidenceStore(run, clock);
        Evidence shot = store.save("site-01", "home full", "png", new byte[] {1, 2, 3}, "screenshot", "http://127.0.0.1/");
        store.save("site-01", "home-source", "html", "<html>首页</html>".getBytes(StandardCharsets.UTF_8), "html",
                "http://127.0.0.1/");
        assertThat(shot.path()).isEqualTo("site-01/001-home-full.png");
        assertThat(shot.sha256()).isEqualTo("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81");
        store.writeManifest();
        return store;
    }

    @Test
    void manifestRecordsEveryFileWithItsHashAndCaptureTime() throws IOException {
        storeWithTwoFiles();
        String manifest = Files.readString(run.resolve("manifest.json"), StandardCharsets.UTF_8);
        assertThat(manifest).contains("\"site-01/001-home-full.png\"")
                .contains("\"capturedAt\" : \"2026-11-22T02:00:00+08:00\"")
                .contains("\"url\" : \"http://127.0.0.1/\"")
                .contains("\"agentVersion\"");
    }

    @Test
    void untouchedEvidenceVerifies() throws IOException {
        storeWithTwoFiles();
        ManifestVerifier.Result result = new ManifestVerifier().verify(run);
        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(2);
    }

    @Test
    void aChangedFileIsReported() throws IOException {
        storeWithTwoFiles();
        Files.write(run.resolve("site-01/001-home-full.png"), new byte[] {1, 2, 4});
        ManifestVerifier.Result result = new ManifestVerifier().verify(run);
        assertThat(result.intact()).isFalse();
        assertThat(result.changed()).containsExactly("site-01/001-home-full.png");
    }

    @Test
    void aDeletedFileIsReported() throws IOException {
        storeWithTwoFiles();
        Files.delete(run.resolve("site-01/002-home-source.html"));
        assertThat(new ManifestVerifier().verify(run).missing()).containsExactly("site-01/002-home-source.html");
    }

    @Test
    void aManifestPathThatEscapesTheRunIsTreatedAsMissing() throws IOException {
        storeWithTwoFiles();
        Path manifest = run.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest, StandardCharsets.UTF_8)
                .replace("site-01/001-home-full.png", "../outside.png"), StandardCharsets.UTF_8);
        assertThat(new ManifestVerifier().verify(run).missing()).containsExactly("../outside.png");
    }
}
