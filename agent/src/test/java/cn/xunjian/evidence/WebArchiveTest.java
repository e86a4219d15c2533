package cn.xunjian.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.internal.Json;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.model.Evidence;
import cn.xunjian.testing.WaczFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.Warcinfo;

/** The web archive of a site, made from the HAR Chromium recorded of the flawed fixture's home page. */
class WebArchiveTest {
    static final String HOME = WaczFixtures.HOME;

    @TempDir
    Path run;

    static WebArchive archive(Path run, ArchiveLimits limits) throws IOException {
        return WaczFixtures.archivedRun(run, limits);
    }

    static WebArchive archive(Path run) throws IOException {
        return WaczFixtures.archivedRun(run);
    }

    @Test
    void theWaczHoldsTheFilesTheSpecificationRequiresWithTheWarcStoredUncompressed() throws IOException {
        WebArchive archive = archive(run);

        assertThat(archive.path()).isEqualTo("site-01/archive.wacz");
        try (ZipFile zip = new ZipFile(run.resolve(archive.path()).toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName)).containsExactly("archive/data.warc.gz",
                    "indexes/index.cdxj", "pages/pages.jsonl", "datapackage.json", "datapackage-digest.json");
            assertThat(zip.getEntry("archive/data.warc.gz").getMethod()).isEqualTo(ZipEntry.STORED);
        }
        assertThat(Files.readString(run.resolve("manifest.json"), StandardCharsets.UTF_8))
                .contains("\"site-01/archive.wacz\"").contains("\"wacz\"");
    }

    @Test
    void theWorkingFilesAreGoneOnceTheArchiveIsWritten() throws IOException {
        archive(run);

        try (var files = Files.list(run.resolve("site-01"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("archive.wacz");
        }
    }

    @Test
    void theWarcHasAWarcinfoThenAResponseAndItsRequestForEveryExchangeThatGotAnAnswer() throws IOException {
        WebArchive archive = archive(run);

        List<String> records = new ArrayList<>();
        try (ZipFile zip = new ZipFile(run.resolve(archive.path()).toFile());
             WarcReader reader = new WarcReader(zip.getInputStream(zip.getEntry("archive/data.warc.gz")))) {
            for (WarcRecord r : reader) {
                if (r instanceof Warcinfo info) {
                    records.add("warcinfo " + new String(info.body().stream().readAllBytes(), StandardCharsets.UTF_8)
                            .contains("software: Xunjian"));
                } else if (r instanceof WarcResponse response) {
                    records.add("response " + response.target() + " " + response.http().status());
                } else if (r instanceof WarcRequest request) {
                    records.add("request " + request.http().method() + " " + request.http().headers().first("Host")
                            .orElse(""));
                }
            }
        }
        assertThat(records).containsExactly("warcinfo true",
                "response " + HOME + " 200", "request GET 127.0.0.1:46403",
                "response http://127.0.0.1:46403/flawed/banner-missing.jpg 404", "request GET 127.0.0.1:46403",
                "response http://127.0.0.1:46403/clean/conac.png 200", "request GET 127.0.0.1:46403",
                "response http://127.0.0.1:46403/clean/gongan.png 200", "request GET 127.0.0.1:46403");
    }

    @Test
    void theIndexIsSortedCdxjPointingAtEachResponseAndThePagesListTheRenderedPage() throws IOException {
        WebArchive archive = archive(run);

        try (ZipFile zip = new ZipFile(run.resolve(archive.path()).toFile())) {
            List<String> index = new String(zip.getInputStream(zip.getEntry("indexes/index.cdxj")).readAllBytes(),
                    StandardCharsets.UTF_8).lines().toList();
            assertThat(index).hasSize(4).isSorted();
            assertThat(index.get(0)).startsWith("1,0,0,127:46403)/clean/conac.png 20261202022513 {\"url\": ");
            assertThat(index).anySatisfy(line -> assertThat(line)
                    .startsWith("1,0,0,127:46403)/flawed/index.html 20261202022512 {")
                    .contains("\"mime\": \"text/html\"", "\"status\": \"200\"", "\"digest\": \"sha256:",
                            "\"filename\": \"data.warc.gz\"", "\"offset\": ", "\"length\": "));
            List<String> pages = new String(zip.getInputStream(zip.getEntry("pages/pages.jsonl")).readAllBytes(),
                    StandardCharsets.UTF_8).lines().toList();
            assertThat(pages).hasSize(2);
            assertThat(pages.get(0)).isEqualTo("{\"format\":\"json-pages-1.0\",\"id\":\"pages\",\"title\":\"白沙乡人民政府\"}");
            JsonNode page = Json.mapper().readTree(pages.get(1));
            assertThat(page.path("url").asText()).isEqualTo(HOME);
            assertThat(page.path("ts").asText()).isEqualTo("2026-12-02T02:25:12.921Z");
            assertThat(page.path("title").asText()).isEqualTo("白沙乡人民政府");
        }
    }

    @Test
    void datapackageListsEachFileWithItsHashAndSizeAndTheDigestFileHashesDatapackage() throws IOException {
        WebArchive archive = archive(run);

        try (ZipFile zip = new ZipFile(run.resolve(archive.path()).toFile())) {
            byte[] pkg = zip.getInputStream(zip.getEntry("datapackage.json")).readAllBytes();
            JsonNode root = Json.mapper().readTree(pkg);
            assertThat(root.path("profile").asText()).isEqualTo("data-package");
            assertThat(root.path("wacz_version").asText()).isEqualTo("1.1.1");
            assertThat(root.path("software").asText()).startsWith("Xunjian ");
            assertThat(root.path("created").asText()).isEqualTo("2026-12-02T02:30:00Z");
            assertThat(root.path("mainPageURL").asText()).isEqualTo(HOME);
            for (JsonNode r : root.path("resources")) {
                byte[] bytes = zip.getInputStream(zip.getEntry(r.path("path").asText())).readAllBytes();
                assertThat(r.path("hash").asText()).isEqualTo("sha256:" + Sha256.of(bytes));
                assertThat(r.path("bytes").asLong()).isEqualTo(bytes.length);
            }
            assertThat(root.path("resources")).hasSize(3);
            JsonNode digest = Json.mapper().readTree(zip.getInputStream(zip.getEntry("datapackage-digest.json")));
            assertThat(digest.path("path").asText()).isEqualTo("datapackage.json");
            assertThat(digest.path("hash").asText()).isEqualTo("sha256:" + Sha256.of(pkg));
        }
    }

    @Test
    void aFindingAboutTheRenderedPageLinksToItsArchivedCopyAndCaptureTime() throws IOException {
        WebArchive archive = archive(run);

        Evidence evidence = archive.evidenceFor(HOME, ShanghaiTime.ZONE).orElseThrow();
        assertThat(evidence).isEqualTo(Evidence.archived("site-01/archive.wacz",
                Sha256.of(run.resolve("site-01/archive.wacz")), HOME, "2026-12-02T10:25:12.921+08:00"));
        assertThat(archive.evidenceFor("http://127.0.0.1:46403/flawed/banner-missing.jpg", ShanghaiTime.ZONE))
                .as("a resource the page loaded is in the archive, but it is no page of its own").isEmpty();
    }

    @Test
    void aResponseLongerThanTheCapIsArchivedUpToTheCapAndMarkedTruncated() throws IOException {
        WebArchive archive = archive(run, new ArchiveLimits(1000, 1L << 30));

        try (ZipFile zip = new ZipFile(run.resolve(archive.path()).toFile());
             WarcReader reader = new WarcReader(zip.getInputStream(zip.getEntry("archive/data.warc.gz")))) {
            WarcResponse home = reader.records().filter(r -> r instanceof WarcResponse).map(WarcResponse.class::cast)
                    .filter(r -> r.target().equals(HOME)).findFirst().orElseThrow();
            assertThat(home.headers().first("WARC-Truncated")).hasValue("length");
            assertThat(home.http().headers().first("Content-Length")).hasValue("1000");
        }
        assertThat(new WaczVerifier().verify(run.resolve(archive.path()), archive.path())).isEmpty();
    }

    @Test
    void aHarCutShortByAFullDiskLeavesNeitherAnArchiveNorWorkingFilesAndTheManifestListsNothing() throws IOException {
        EvidenceStore store = new EvidenceStore(run, java.time.Clock.systemUTC());
        SiteEvidence site = new SiteEvidence(store, "site-01");
        Path har = site.recordingFile();
        try (InputStream in = WebArchiveTest.class.getResourceAsStream("/archive/flawed-home.har.zip")) {
            byte[] bytes = in.readAllBytes();
            Files.write(har, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        }

        org.assertj.core.api.Assertions.assertThatIOException().isThrownBy(() -> site.archive(har,
                List.of(new WebArchive.Rendered(HOME, HOME, "白沙乡人民政府")), "白沙乡人民政府"));
        store.writeManifest();

        try (var files = Files.list(run.resolve("site-01"))) {
            assertThat(files).isEmpty();
        }
        assertThat(Json.mapper().readTree(run.resolve("manifest.json").toFile()).path("files")).isEmpty();
    }
}
