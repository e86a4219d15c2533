package cn.xunjian.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import cn.xunjian.testing.WaczFixtures;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaczVerifierTest {
    private static final String NAME = "site-01/archive.wacz";

    @TempDir
    Path run;
    private Path wacz;

    @BeforeEach
    void archive() throws IOException {
        WebArchiveTest.archive(run);
        wacz = run.resolve(NAME);
    }

    private List<String> verify() {
        return new WaczVerifier().verify(wacz, NAME);
    }

    @Test
    void theArchiveAsWrittenHasNoProblems() {
        assertThat(verify()).isEmpty();
    }

    @Test
    void oneByteChangedInAWarcRecordIsNamedWithTheRecordsUrlAndTheWarcFile() throws IOException {
        long recordOffset = indexOffsetOf(WebArchiveTest.HOME);
        WaczFixtures.tamperWithRecord(wacz, WebArchiveTest.HOME);

        assertThat(verify())
                .contains("网页存档 site-01/archive.wacz 中的 archive/data.warc.gz 已被改动：哈希与 datapackage.json 不符")
                .anySatisfy(p -> assertThat(p).startsWith("网页存档 site-01/archive.wacz 中 " + WebArchiveTest.HOME
                        + " 的 WARC 记录（索引第4行，偏移 " + recordOffset + "）"));
    }

    @Test
    void aTruncatedArchiveIsNamedAsIncompleteWithoutAStackTrace() throws IOException {
        byte[] bytes = Files.readAllBytes(wacz);
        Files.write(wacz, Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(verify()).singleElement().asString()
                .startsWith("网页存档 site-01/archive.wacz 不完整或已损坏，无法作为 zip 文件读取");
    }

    @Test
    void aChangedDatapackageIsCaughtByItsDigest() throws IOException {
        rewrite("datapackage.json", s -> s.replace("白沙乡人民政府", "清河镇人民政府"));

        assertThat(verify()).containsExactly(
                "网页存档 site-01/archive.wacz 的 datapackage.json 已被改动：与 datapackage-digest.json 中的哈希不符");
    }

    @Test
    void aMissingPageListAndAnUnlistedFileAreNamed() throws IOException {
        rewrite("pages/pages.jsonl", null);

        assertThat(verify()).contains("网页存档 site-01/archive.wacz 缺少 pages/pages.jsonl",
                "网页存档 site-01/archive.wacz 缺少 datapackage.json 列出的文件 pages/pages.jsonl");
    }

    @Test
    void anIndexLineThatPointsAtAnotherRecordIsNamed() throws IOException {
        String conac = "http://127.0.0.1:46403/clean/conac.png";
        long other = indexOffsetOf(conac);
        String home = indexLine(WebArchiveTest.HOME);
        String pointer = indexLine(conac).replaceAll(".*(\"length\": \"\\d+\", \"offset\": \"\\d+\").*", "$1");
        rewrite("indexes/index.cdxj", s -> s.replace(home, home.replaceAll(
                "\"length\": \"\\d+\", \"offset\": \"\\d+\"", pointer)));

        assertThat(verify()).contains("网页存档 site-01/archive.wacz 中 " + WebArchiveTest.HOME
                + " 的 WARC 记录（索引第4行，偏移 " + other + "） 指向的记录属于 http://127.0.0.1:46403/clean/conac.png，与索引不符");
    }

    private long indexOffsetOf(String url) throws IOException {
        return WaczFixtures.indexOffsetOf(wacz, url);
    }

    private String indexLine(String url) throws IOException {
        return WaczFixtures.indexLine(wacz, url);
    }

    /** Rewrites the WACZ with one entry's text changed ({@code null} drops the entry), the rest copied as is. */
    private void rewrite(String entry, UnaryOperator<String> change) throws IOException {
        Path copy = run.resolve("copy.wacz");
        try (ZipFile zip = new ZipFile(wacz.toFile()); OutputStream out = Files.newOutputStream(copy);
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e : zip.stream().toList()) {
                byte[] data;
                try (InputStream in = zip.getInputStream(e)) {
                    data = in.readAllBytes();
                }
                if (e.getName().equals(entry)) {
                    if (change == null) {
                        continue;
                    }
                    data = change.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copied = new ZipEntry(e.getName());
                if (e.getMethod() == ZipEntry.STORED) {
                    copied.setMethod(ZipEntry.STORED);
                    copied.setSize(e.getSize());
                    copied.setCompressedSize(e.getSize());
                    copied.setCrc(e.getCrc());
                }
                z.putNextEntry(copied);
                z.write(data);
                z.closeEntry();
            }
        }
        Files.move(copy, wacz, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
