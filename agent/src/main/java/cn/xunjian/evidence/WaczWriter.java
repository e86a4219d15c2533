package cn.xunjian.evidence;

import cn.xunjian.internal.Json;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.cdx.CdxFormat;
import org.netpreserve.jwarc.cdx.CdxWriter;

/**
 * Packages one WARC file as a WACZ 1.1.1 (https://specs.webrecorder.net/wacz/1.1.1/), laid out as py-wacz and
 * browsertrix-crawler write it (webrecorder/py-wacz {@code wacz/main.py}, {@code wacz/waczindexer.py} and
 * {@code tests/fixtures/pages/pages.jsonl}): {@code archive/data.warc.gz} stored uncompressed in the zip so that
 * a replayer reads records at their offsets, {@code indexes/index.cdxj} (jwarc's CDXJ format, sorted: SURT key,
 * 14-digit timestamp, JSON with url, mime, status, digest, length, offset, filename), {@code pages/pages.jsonl}
 * (a header line, then one line per page), {@code datapackage.json} (each file's path, {@code sha256:} hash and
 * size) and {@code datapackage-digest.json} (the hash of datapackage.json, what a signature covers).
 */
final class WaczWriter {
    static final String WACZ_VERSION = "1.1.1";
    static final String WARC_NAME = "data.warc.gz";
    static final String WARC_PATH = "archive/" + WARC_NAME;
    static final String INDEX_PATH = "indexes/index.cdxj";
    static final String PAGES_PATH = "pages/pages.jsonl";
    static final String DATAPACKAGE = "datapackage.json";
    static final String DIGEST = "datapackage-digest.json";

    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ISO_INSTANT;

    /** One line of pages.jsonl. */
    record Page(String id, String url, Instant ts, String title) {
    }

    private record Written(String path, String sha256, long bytes) {
    }

    /**
     * Writes the WACZ of {@code warc} onto {@code out} (left open).
     *
     * @param title the collection's title, e.g. the site's name
     * @param software what made it, e.g. {@code Xunjian 0.1.0}
     */
    void write(Path warc, List<Page> pages, String title, String software, Instant created, OutputStream out)
            throws IOException {
        FileTime time = FileTime.from(created.truncatedTo(ChronoUnit.SECONDS));
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<Written> resources = new ArrayList<>();
        resources.add(storeWarc(zip, warc, time));
        resources.add(deflate(zip, INDEX_PATH, cdxj(warc).getBytes(StandardCharsets.UTF_8), time));
        resources.add(deflate(zip, PAGES_PATH, pagesJsonl(pages, title), time));

        Map<String, Object> datapackage = new LinkedHashMap<>();
        datapackage.put("profile", "data-package");
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Written w : resources) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", w.path().substring(w.path().lastIndexOf('/') + 1));
            r.put("path", w.path());
            r.put("hash", "sha256:" + w.sha256());
            r.put("bytes", w.bytes());
            listed.add(r);
        }
        datapackage.put("resources", listed);
        datapackage.put("title", title);
        if (!pages.isEmpty()) {
            datapackage.put("mainPageURL", pages.get(0).url());
            datapackage.put("mainPageDate", ISO_SECONDS.format(pages.get(0).ts().truncatedTo(ChronoUnit.SECONDS)));
        }
        datapackage.put("created", ISO_SECONDS.format(created.truncatedTo(ChronoUnit.SECONDS)));
        datapackage.put("wacz_version", WACZ_VERSION);
        datapackage.put("software", software);
        byte[] packageBytes = Json.mapper().writeValueAsBytes(datapackage);
        deflate(zip, DATAPACKAGE, packageBytes, time);

        Map<String, Object> digest = new LinkedHashMap<>();
        digest.put("path", DATAPACKAGE);
        digest.put("hash", "sha256:" + Sha256.of(packageBytes));
        deflate(zip, DIGEST, Json.mapper().writeValueAsBytes(digest), time);
        zip.finish();
        zip.flush();
    }

    /** The CDXJ index of the WARC, sorted as replayers binary-search it (jwarc sorts the lines as pywb does). */
    static String cdxj(Path warc) throws IOException {
        StringWriter text = new StringWriter();
        try (WarcReader reader = new WarcReader(FileChannel.open(warc))) {
            CdxWriter cdx = new CdxWriter(text);
            cdx.setFormat(CdxFormat.CDXJ);
            cdx.setSort(true);
            cdx.process(reader, WARC_NAME);
            cdx.close();
        }
        return text.toString();
    }

    private static byte[] pagesJsonl(List<Page> pages, String title) throws IOException {
        ObjectWriter line = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
        StringBuilder s = new StringBuilder();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", "json-pages-1.0");
        header.put("id", "pages");
        header.put("title", title);
        s.append(line.writeValueAsString(header)).append('\n');
        for (Page p : pages) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("url", p.url());
            m.put("ts", ISO_SECONDS.format(p.ts()));
            m.put("title", p.title());
            s.append(line.writeValueAsString(m)).append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A stored entry must carry its size and CRC before its bytes, hence one pass to learn them, one to copy. */
    private static Written storeWarc(ZipOutputStream zip, Path warc, FileTime time) throws IOException {
        CRC32 crc = new CRC32();
        MessageDigest sha = Sha256.digest();
        long size = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(warc)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                crc.update(buf, 0, n);
                sha.update(buf, 0, n);
                size += n;
            }
        }
        ZipEntry e = new ZipEntry(WARC_PATH);
        e.setMethod(ZipEntry.STORED);
        e.setSize(size);
        e.setCompressedSize(size);
        e.setCrc(crc.getValue());
        e.setLastModifiedTime(time);
        zip.putNextEntry(e);
        Files.copy(warc, zip);
        zip.closeEntry();
        return new Written(WARC_PATH, HexFormat.of().formatHex(sha.digest()), size);
    }

    private static Written deflate(ZipOutputStream zip, String path, byte[] bytes, FileTime time) throws IOException {
        ZipEntry e = new ZipEntry(path);
        e.setMethod(ZipEntry.DEFLATED);
        e.setLastModifiedTime(time);
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
        return new Written(path, Sha256.of(bytes), bytes.length);
    }

    static String timestamp14(Instant t) {
        return DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(t);
    }
}
