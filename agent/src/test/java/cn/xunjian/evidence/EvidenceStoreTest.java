package cn.xunjian.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceStoreTest {
    @TempDir
    Path run;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);

    @Test
    void aReportWrittenThroughTheStoreIsListedWithTheHashAndSizeOfTheBytesWritten() throws IOException {
        EvidenceStore store = new EvidenceStore(run, clock);
        byte[] body = "{ \"报告\" : 1 }".getBytes(StandardCharsets.UTF_8);

        Path file = store.writeReport("report.json", out -> {
            out.write(body, 0, 4);
            out.write(body, 4, body.length - 4);
        });
        store.writeManifest();

        assertThat(file).hasBinaryContent(body);
        Manifest manifest = Json.mapper().readValue(run.resolve(EvidenceStore.MANIFEST).toFile(), Manifest.class);
        assertThat(manifest.files()).singleElement().isEqualTo(new ManifestEntry("report.json", Sha256.of(body),
                body.length, "report", "", "2026-11-22T02:00:00+08:00"));
        assertThat(new ManifestVerifier().verify(run).intact()).isTrue();
    }

    @Test
    void aWriterThatClosesTheStreamItselfStillGetsItsFileListed() throws IOException {
        EvidenceStore store = new EvidenceStore(run, clock);

        store.writeReport("circular.md", out -> {
            out.write('#');
            out.close();
        });
        store.writeManifest();

        assertThat(Files.readString(run.resolve(EvidenceStore.MANIFEST), StandardCharsets.UTF_8))
                .contains("\"circular.md\"").contains("\"size\" : 1");
        assertThat(new ManifestVerifier().verify(run).intact()).isTrue();
    }

    @Test
    void evidenceAndReportsShareOneManifestSortedByPath() throws IOException {
        EvidenceStore store = new EvidenceStore(run, clock);
        store.writeReport("report.html", out -> out.write("<p>报告</p>".getBytes(StandardCharsets.UTF_8)));
        store.save("site-01", "home", "png", new byte[] {1, 2, 3}, "screenshot", "http://127.0.0.1/");
        store.writeManifest();

        Manifest manifest = Json.mapper().readValue(run.resolve(EvidenceStore.MANIFEST).toFile(), Manifest.class);
        assertThat(manifest.files()).extracting(ManifestEntry::path).containsExactly("report.html", "site-01/001-home.png");
        assertThat(manifest.files().get(1).size()).isEqualTo(3);
        assertThat(manifest.files().get(1).sha256()).isEqualTo(Sha256.of(new byte[] {1, 2, 3}));
    }
}
