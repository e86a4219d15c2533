package cn.xunjian.evidence;

import cn.xunjian.internal.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * Checks a WACZ offline, the way a replayer depends on it and a reader of the evidence would doubt it: the zip
 * opens; the files the WACZ 1.1.1 specification requires are there; datapackage-digest.json holds the hash of
 * datapackage.json; every file datapackage.json lists has its hash and size, and nothing is in the zip that it does
 * not list; the CDXJ index is sorted, and each of its lines points at a WARC record whose target is the line's URL
 * and whose block digest still matches; every page in pages.jsonl is in the index. Each problem is a sentence in
 * Chinese naming what failed; nothing is thrown.
 */
public final class WaczVerifier {
    private static final Set<String> REQUIRED = Set.of(WaczWriter.DATAPACKAGE, WaczWriter.DIGEST,
            WaczWriter.PAGES_PATH);

    /** One CDXJ line as a replayer reads it. */
    private record IndexLine(int number, String url, String filename, long offset, long length) {
    }

    /**
     * Checks every web archive a run's manifest.json lists. An archive missing from disk is left to the manifest's
     * own check, which names it.
     *
     * @throws IOException when manifest.json cannot be read
     */
    public List<String> verifyRun(Path runDir) throws IOException {
        Manifest manifest = Json.mapper().readValue(runDir.resolve(EvidenceStore.MANIFEST).toFile(), Manifest.class);
        List<String> problems = new ArrayList<>();
        for (ManifestEntry e : manifest.files()) {
            Path file = runDir.resolve(e.path()).normalize();
            if (WebArchive.TYPE.equals(e.type()) && file.startsWith(runDir.normalize())
                    && java.nio.file.Files.isRegularFile(file)) {
                problems.addAll(verify(file, e.path()));
            }
        }
        return problems;
    }

    /**
     * @param wacz the file
     * @param name how to name it in the problems, e.g. its path in the run directory
     * @return the problems found; empty when the archive is intact
     */
    public List<String> verify(Path wacz, String name) {
        List<String> problems = new ArrayList<>();
        try (ZipFile zip = new ZipFile(wacz.toFile(), StandardCharsets.UTF_8)) {
            check(zip, name, problems);
        } catch (IOException e) {
            problems.add("网页存档 " + name + " 不完整或已损坏，无法作为 zip 文件读取（" + e.getMessage() + "）");
        }
        return problems;
    }

    private void check(ZipFile zip, String name, List<String> problems) {
        for (String required : REQUIRED) {
            if (zip.getEntry(required) == null) {
                problems.add("网页存档 " + name + " 缺少 " + required);
            }
        }
        List<? extends ZipEntry> warcs = zip.stream().filter(e -> e.getName().startsWith("archive/")
                && (e.getName().endsWith(".warc") || e.getName().endsWith(".warc.gz"))).toList();
        if (warcs.isEmpty()) {
            problems.add("网页存档 " + name + " 缺少 archive/ 下的 WARC 文件");
        }
        Optional<? extends ZipEntry> index = zip.stream().filter(e -> e.getName().startsWith("indexes/")
                && e.getName().endsWith(".cdxj")).findFirst();
        if (index.isEmpty()) {
            problems.add("网页存档 " + name + " 缺少 indexes/ 下的 CDXJ 索引");
        }
        checkDigest(zip, name, problems);
        checkResources(zip, name, problems);
        if (index.isPresent()) {
            List<IndexLine> lines = readIndex(zip, index.get(), name, problems);
            checkRecords(zip, lines, name, problems);
            checkPages(zip, lines, name, problems);
        }
    }

    private static void checkDigest(ZipFile zip, String name, List<String> problems) {
        ZipEntry pkg = zip.getEntry(WaczWriter.DATAPACKAGE);
        ZipEntry digest = zip.getEntry(WaczWriter.DIGEST);
        if (pkg == null || digest == null) {
            return;
        }
        try {
            JsonNode d = Json.mapper().readTree(bytes(zip, digest));
            String expected = d.path("hash").asText("");
            String actual = "sha256:" + Sha256.of(bytes(zip, pkg));
            if (!actual.equals(expected)) {
                problems.add("网页存档 " + name + " 的 datapackage.json 已被改动：与 datapackage-digest.json 中的哈希不符");
            }
        } catch (IOException e) {
            problems.add("网页存档 " + name + " 的 datapackage-digest.json 无法读取（" + firstLine(e) + "）");
        }
    }

    private static void checkResources(ZipFile zip, String name, List<String> problems) {
        ZipEntry pkg = zip.getEntry(WaczWriter.DATAPACKAGE);
        if (pkg == null) {
            return;
        }
        JsonNode resources;
        try {
            JsonNode root = Json.mapper().readTree(bytes(zip, pkg));
            if (!WaczWriter.WACZ_VERSION.equals(root.path("wacz_version").asText())) {
                problems.add("网页存档 " + name + " 的 datapackage.json 未声明 wacz_version " + WaczWriter.WACZ_VERSION);
            }
            resources = root.path("resources");
        } catch (IOException e) {
            problems.add("网页存档 " + name + " 的 datapackage.json 无法读取（" + firstLine(e) + "）");
            return;
        }
        Set<String> listed = new HashSet<>(Set.of(WaczWriter.DATAPACKAGE, WaczWriter.DIGEST));
        for (JsonNode r : resources) {
            String path = r.path("path").asText("");
            listed.add(path);
            ZipEntry entry = zip.getEntry(path);
            if (entry == null) {
                problems.add("网页存档 " + name + " 缺少 datapackage.json 列出的文件 " + path);
                continue;
            }
            try {
                MessageDigest sha = Sha256.digest();
                long size = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] buf = new byte[64 * 1024];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        sha.update(buf, 0, n);
                        size += n;
                    }
                }
                if (!("sha256:" + HexFormat.of().formatHex(sha.digest())).equals(r.path("hash").asText(""))) {
                    problems.add("网页存档 " + name + " 中的 " + path + " 已被改动：哈希与 datapackage.json 不符");
                } else if (size != r.path("bytes").asLong(-1)) {
                    problems.add("网页存档 " + name + " 中的 " + path + " 大小与 datapackage.json 不符");
                }
            } catch (IOException e) {
                problems.add("网页存档 " + name + " 中的 " + path + " 无法读取（" + firstLine(e) + "）");
            }
        }
        zip.stream().map(ZipEntry::getName).filter(n -> !n.endsWith("/") && !listed.contains(n)).sorted()
                .forEach(n -> problems.add("网页存档 " + name + " 中的 " + n + " 未列在 datapackage.json 中"));
    }

    private static List<IndexLine> readIndex(ZipFile zip, ZipEntry index, String name, List<String> problems) {
        List<IndexLine> lines = new ArrayList<>();
        String where = "网页存档 " + name + " 的索引 " + index.getName();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(zip.getInputStream(index),
                StandardCharsets.UTF_8))) {
            String previous = null;
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (previous != null && previous.compareTo(line) > 0) {
                    problems.add(where + " 未排序（第" + number + "行），回放时将找不到记录");
                }
                previous = line;
                int brace = line.indexOf('{');
                String[] key = brace < 0 ? new String[0] : line.substring(0, brace).trim().split(" ");
                if (key.length != 2 || !key[1].matches("\\d{14}")) {
                    problems.add(where + " 第" + number + "行格式错误（应为 SURT、14位时间戳与 JSON）");
                    continue;
                }
                try {
                    JsonNode json = Json.mapper().readTree(line.substring(brace));
                    lines.add(new IndexLine(number, json.path("url").asText(""), json.path("filename").asText(""),
                            json.path("offset").asLong(-1), json.path("length").asLong(-1)));
                } catch (JsonProcessingException e) {
                    problems.add(where + " 第" + number + "行的 JSON 无法读取");
                }
            }
        } catch (IOException e) {
            problems.add(where + " 无法读取（" + firstLine(e) + "）");
        }
        return lines;
    }

    /**
     * Reads each record the index points at, in offset order through one pass over the stored WARC, so that the
     * check never holds a record in memory nor reads the file once per line.
     */
    private static void checkRecords(ZipFile zip, List<IndexLine> lines, String name, List<String> problems) {
        List<IndexLine> byOffset = new ArrayList<>(lines);
        byOffset.sort(Comparator.comparing(IndexLine::filename).thenComparingLong(IndexLine::offset));
        String openFile = null;
        InputStream in = null;
        long position = 0;
        try {
            for (IndexLine line : byOffset) {
                String what = "网页存档 " + name + " 中 " + line.url() + " 的 WARC 记录（索引第" + line.number() + "行，偏移 "
                        + line.offset() + "）";
                ZipEntry warc = zip.getEntry("archive/" + line.filename());
                if (warc == null) {
                    problems.add(what + " 所在的文件 archive/" + line.filename() + " 不存在");
                    continue;
                }
                if (line.offset() < 0 || line.length() <= 0 || line.offset() + line.length() > warc.getSize()) {
                    problems.add(what + " 超出 WARC 文件的范围");
                    continue;
                }
                if (!line.filename().equals(openFile) || line.offset() < position) {
                    if (in != null) {
                        in.close();
                    }
                    in = zip.getInputStream(warc);
                    openFile = line.filename();
                    position = 0;
                }
                in.skipNBytes(line.offset() - position);
                InputStream record = new BoundedInputStream(in, line.length());
                problems.addAll(checkRecord(record, line, what));
                record.skipNBytes(((BoundedInputStream) record).remaining());
                position = line.offset() + line.length();
            }
        } catch (IOException e) {
            problems.add("网页存档 " + name + " 的 WARC 文件无法读取（" + firstLine(e) + "）");
        } finally {
            if (in != null) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // nothing was written; the problems found so far stand
                }
            }
        }
    }

    private static List<String> checkRecord(InputStream record, IndexLine line, String what) {
        try {
            WarcReader reader = new WarcReader(record);
            reader.calculateBlockDigest();
            Optional<WarcRecord> read = reader.next();
            if (read.isEmpty() || !(read.get() instanceof WarcTargetRecord target)) {
                return List.of(what + " 不是一条 WARC 响应记录");
            }
            if (!target.target().equals(line.url())) {
                return List.of(what + " 指向的记录属于 " + target.target() + "，与索引不符");
            }
            target.body().consume();
            Optional<org.netpreserve.jwarc.WarcDigest> stated = target.blockDigest();
            Optional<org.netpreserve.jwarc.WarcDigest> actual = target.calculatedBlockDigest();
            if (stated.isPresent() && actual.isPresent() && !stated.get().equals(actual.get())) {
                return List.of(what + " 已被改动：内容与记录中的 WARC-Block-Digest 不符");
            }
            return List.of();
        } catch (IOException | RuntimeException e) {
            return List.of(what + " 已损坏，无法读取（" + firstLine(e) + "）");
        }
    }

    private static void checkPages(ZipFile zip, List<IndexLine> lines, String name, List<String> problems) {
        ZipEntry pages = zip.getEntry(WaczWriter.PAGES_PATH);
        if (pages == null) {
            return;
        }
        Set<String> indexed = new HashSet<>();
        lines.forEach(l -> indexed.add(l.url()));
        try (BufferedReader in = new BufferedReader(new InputStreamReader(zip.getInputStream(pages),
                StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null || !"json-pages-1.0".equals(Json.mapper().readTree(header).path("format").asText())) {
                problems.add("网页存档 " + name + " 的 pages/pages.jsonl 缺少 json-pages-1.0 标题行");
            }
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode page = Json.mapper().readTree(line);
                String url = page.path("url").asText("");
                if (url.isEmpty() || page.path("ts").asText("").isEmpty()) {
                    problems.add("网页存档 " + name + " 的 pages/pages.jsonl 有一行缺少 url 或 ts");
                } else if (!indexed.contains(url)) {
                    problems.add("网页存档 " + name + " 列出的页面 " + url + " 在索引中找不到");
                }
            }
        } catch (IOException e) {
            problems.add("网页存档 " + name + " 的 pages/pages.jsonl 无法读取（" + firstLine(e) + "）");
        }
    }

    private static byte[] bytes(ZipFile zip, ZipEntry entry) throws IOException {
        if (entry.getSize() > 16L * 1024 * 1024) {
            throw new IOException(entry.getName() + " 过大");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** At most {@code limit} bytes of the stream beneath, which it leaves open. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long limit) {
            this.in = in;
            this.remaining = limit;
        }

        long remaining() {
            return remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() {
            // the stream beneath serves the next record
        }
    }
}
