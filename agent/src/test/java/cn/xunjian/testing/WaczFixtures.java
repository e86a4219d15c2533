package cn.xunjian.testing;

import cn.xunjian.evidence.ArchiveLimits;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.evidence.WebArchive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * A run whose one site has a web archive made from the HAR Chromium recorded of the flawed fixture's home page
 * ({@code src/test/resources/archive/}), and the byte arithmetic tests need to tamper with it.
 */
public final class WaczFixtures {
    public static final String HOME = "http://127.0.0.1:46403/flawed/index.html";
    public static final String WACZ = "site-01/archive.wacz";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T02:30:00Z"), ZoneOffset.UTC);

    private WaczFixtures() {
    }

    /** Archives the recorded HAR for site-01 of a run in {@code run} and writes its manifest. */
    public static WebArchive archivedRun(Path run, ArchiveLimits limits) throws IOException {
        EvidenceStore store = new EvidenceStore(run, CLOCK, limits);
        SiteEvidence site = new SiteEvidence(store, "site-01");
        Path har = site.recordingFile();
        try (InputStream in = WaczFixtures.class.getResourceAsStream("/archive/flawed-home.har.zip")) {
            Files.copy(in, har);
        }
        WebArchive archive = site.archive(har, List.of(new WebArchive.Rendered(HOME, HOME, "白沙乡人民政府")),
                "白沙乡人民政府");
        store.writeManifest();
        return archive;
    }

    public static WebArchive archivedRun(Path run) throws IOException {
        return archivedRun(run, ArchiveLimits.standard());
    }

    /** The CDXJ line of {@code url} in the WACZ. */
    public static String indexLine(Path wacz, String url) throws IOException {
        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            String index = new String(zip.getInputStream(zip.getEntry("indexes/index.cdxj")).readAllBytes(),
                    StandardCharsets.UTF_8);
            return index.lines().filter(l -> l.contains("{\"url\": \"" + url + "\"")).findFirst().orElseThrow();
        }
    }

    /** Where {@code url}'s record starts in the WARC, as the index says. */
    public static long indexOffsetOf(Path wacz, String url) throws IOException {
        return Long.parseLong(indexLine(wacz, url).replaceAll(".*\"offset\": \"(\\d+)\".*", "$1"));
    }

    /** Flips one bit inside {@code url}'s WARC record, in place in the zip (the WARC is stored, not deflated). */
    public static void tamperWithRecord(Path wacz, String url) throws IOException {
        long offset = indexOffsetOf(wacz, url);
        byte[] bytes = Files.readAllBytes(wacz);
        int at = (int) (storedDataStart(bytes, "archive/data.warc.gz") + offset + 200);
        bytes[at] ^= 0x01;
        Files.write(wacz, bytes);
    }

    /** Where a stored entry's bytes begin: after its local header (30 bytes, the name, the extra field). */
    public static int storedDataStart(byte[] zip, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 30 + n.length < zip.length; i++) {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 0x03 && zip[i + 3] == 0x04
                    && Arrays.equals(zip, i + 30, i + 30 + n.length, n, 0, n.length)) {
                int nameLength = (zip[i + 26] & 0xff) | (zip[i + 27] & 0xff) << 8;
                int extraLength = (zip[i + 28] & 0xff) | (zip[i + 29] & 0xff) << 8;
                return i + 30 + nameLength + extraLength;
            }
        }
        throw new AssertionError("no local header for " + name);
    }
}
